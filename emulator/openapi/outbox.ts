import fs from 'node:fs'
import path from 'node:path'
import type { ValidSend } from './subscribe-message'

/** A send WeChat accepted, as recorded. */
export interface OutboxMessage extends ValidSend {
  msgid: number
  env: string
  /** ISO time the message was accepted */
  at: string
  /** the function that sent it, when it came from one */
  sentBy?: string
}

/** Sent subscribe messages, one JSON line each, in `<filesDir>/outbox/<env>.jsonl`. */
export class Outbox {
  constructor(private readonly filesDir: string) {}

  private file(env: string): string {
    return path.join(this.filesDir, 'outbox', `${env}.jsonl`)
  }

  async append(message: OutboxMessage): Promise<void> {
    const file = this.file(message.env)
    await fs.promises.mkdir(path.dirname(file), { recursive: true })
    await fs.promises.appendFile(file, JSON.stringify(message) + '\n')
  }

  /** Newest first. */
  async recent(env: string, limit: number, touser?: string): Promise<OutboxMessage[]> {
    let text: string
    try { text = await fs.promises.readFile(this.file(env), 'utf8') } catch { return [] }
    const all = text.split('\n').filter(Boolean).map((l) => JSON.parse(l) as OutboxMessage)
    return all.filter((m) => !touser || m.touser === touser).reverse().slice(0, limit)
  }
}

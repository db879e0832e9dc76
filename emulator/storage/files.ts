import fs from 'node:fs'
import path from 'node:path'
import crypto from 'node:crypto'
import type { StoredFile } from './file-id'

/**
 * Files live at `<filesDir>/<env>/<cloudPath>`; cloud paths are validated before they get here.
 * A file a client uploaded records its uploader (the storage rules' resource.openid) beside it,
 * under `<filesDir>/.owners/` — a name no environment can have.
 */
export class FileStore {
  constructor(private readonly filesDir: string) {}

  private ownerPath(file: StoredFile): string {
    const root = path.resolve(this.filesDir, '.owners', file.env)
    const full = path.resolve(root, file.cloudPath)
    if (!full.startsWith(root + path.sep)) throw new Error(`path escapes the storage folder: ${file.cloudPath}`)
    return full
  }

  /** The openid of the client that uploaded the file, or null (a function or the console wrote it). */
  owner(file: StoredFile): string | null {
    try { return fs.readFileSync(this.ownerPath(file), 'utf8') || null } catch { return null }
  }

  localPath(file: StoredFile): string {
    const envRoot = path.resolve(this.filesDir, file.env)
    const full = path.resolve(envRoot, file.cloudPath)
    if (!full.startsWith(envRoot + path.sep)) throw new Error(`path escapes the storage folder: ${file.cloudPath}`)
    return full
  }

  exists(file: StoredFile): boolean {
    try { return fs.statSync(this.localPath(file)).isFile() } catch { return false }
  }

  /** Written to a temporary name first, so a reader never sees half a file. `owner`: the uploading client, if any. */
  async write(file: StoredFile, content: Buffer, owner: string | null = null): Promise<void> {
    const target = this.localPath(file)
    await fs.promises.mkdir(path.dirname(target), { recursive: true })
    const tmp = `${target}.${crypto.randomBytes(6).toString('hex')}.uploading`
    await fs.promises.writeFile(tmp, content)
    await this.setOwner(file, owner)
    await fs.promises.rename(tmp, target)
  }

  private async setOwner(file: StoredFile, owner: string | null): Promise<void> {
    const at = this.ownerPath(file)
    if (owner === null) { await fs.promises.rm(at, { force: true }); return }
    await fs.promises.mkdir(path.dirname(at), { recursive: true })
    await fs.promises.writeFile(at, owner)
  }

  async remove(file: StoredFile): Promise<boolean> {
    try {
      await fs.promises.unlink(this.localPath(file))
      await fs.promises.rm(this.ownerPath(file), { force: true })
      return true
    } catch {
      return false
    }
  }
}

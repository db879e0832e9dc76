import fs from 'node:fs'
import path from 'node:path'
import crypto from 'node:crypto'
import type { StoredFile } from './file-id'

/** Files live at `<filesDir>/<env>/<cloudPath>`; cloud paths are validated before they get here. */
export class FileStore {
  constructor(private readonly filesDir: string) {}

  localPath(file: StoredFile): string {
    const envRoot = path.resolve(this.filesDir, file.env)
    const full = path.resolve(envRoot, file.cloudPath)
    if (!full.startsWith(envRoot + path.sep)) throw new Error(`path escapes the storage folder: ${file.cloudPath}`)
    return full
  }

  exists(file: StoredFile): boolean {
    try { return fs.statSync(this.localPath(file)).isFile() } catch { return false }
  }

  /** Written to a temporary name first, so a reader never sees half a file. */
  async write(file: StoredFile, content: Buffer): Promise<void> {
    const target = this.localPath(file)
    await fs.promises.mkdir(path.dirname(target), { recursive: true })
    const tmp = `${target}.${crypto.randomBytes(6).toString('hex')}.uploading`
    await fs.promises.writeFile(tmp, content)
    await fs.promises.rename(tmp, target)
  }

  async remove(file: StoredFile): Promise<boolean> {
    try {
      await fs.promises.unlink(this.localPath(file))
      return true
    } catch {
      return false
    }
  }
}

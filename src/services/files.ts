import type { FileOps } from './file-types'

/**
 * Default for type-checking and unit tests only: every build resolves ./files to
 * files.weapp.ts or files.h5.ts through Taro's platform suffixes.
 */
const unavailable = () => Promise.reject(new Error('no file operations on this platform'))

export const files: FileOps = {
  pickImages: unavailable,
  pickDocuments: unavailable,
  uploadFile: unavailable,
  readBase64: unavailable,
  openFile: unavailable,
}

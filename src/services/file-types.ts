/** A file the user picked, before upload: `path` is a temp path (weapp) or a blob: URL (h5). */
export interface PickedFile {
  path: string
  name: string
  size: number
}

/**
 * The app's file operations. Platform files: files.weapp.ts (wx.cloud storage, chooseMedia,
 * chooseMessageFile, openDocument) and files.h5.ts (the local cloud's /gateway/upload and the
 * browser's file picker). Functions hand out temp URLs after their own permission checks, so
 * the app never turns a fileID into a URL itself.
 */
export interface FileOps {
  /** photos from the album or camera, compressed */
  pickImages(count: number): Promise<PickedFile[]>
  /** documents from a chat (weapp) or the disk (h5); `extensions` without dots, e.g. ['pdf', 'docx'] */
  pickDocuments(count: number, extensions: string[]): Promise<PickedFile[]>
  /** uploads to cloud storage at `cloudPath`; resolves the fileID */
  uploadFile(path: string, cloudPath: string): Promise<string>
  /** the file's bytes as base64 (for uploads that must go through a function, e.g. anonymous photos) */
  readBase64(path: string): Promise<string>
  /**
   * Opens a document (PDF/Word/Excel) or an image from a temp URL the function returned, saved
   * under `name` — the name the function gives (e.g. 会员名册-2026-11-22.xlsx), never the URL's hash:
   * weapp keeps it in the user data folder so 转发/保存 from the viewer carry it; h5 downloads it.
   */
  openFile(url: string, name: string): Promise<void>
}

export const IMAGE_EXTENSIONS = ['jpg', 'jpeg', 'png', 'gif', 'webp']

export function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.')
  return dot < 0 ? '' : name.slice(dot + 1).toLowerCase()
}

/**
 * A file name safe to save on the phone or the disk: no folders, no control or reserved characters,
 * at most 80 characters before the extension (which is kept). An empty result falls back to `file`.
 */
export function savedFileName(name: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what must go
  const cleaned = name.replace(/[\u0000-\u001f\u007f/\\:*?"<>|]+/g, '_').trim()
  const ext = extensionOf(cleaned).replace(/[^0-9a-z]/g, '')
  const stem = (ext ? cleaned.slice(0, cleaned.lastIndexOf('.')) : cleaned).replace(/^[.\s]+/, '')
  const short = [...stem].slice(0, 80).join('') || 'file'
  return ext ? `${short}.${ext}` : short
}

import Taro from '@tarojs/taro'
import { files } from './files'

export interface UploadedFile { fileId: string; name: string; size: number }

export interface UploadRules {
  /** how many the form holds at most, and how many it holds now */
  max: number
  taken: number
  /** document extensions offered and accepted (without dots); photos are always JPEG/PNG */
  documents: string[]
  maxBytes: number
  /** the staging path (`uploads/<domain>/<random>.<ext>`) the function will check and move */
  stagingPath: (name: string) => string
  /** said when the form is already full */
  full: string
}

const IMAGES = /\.(jpe?g|png)$/i
const toast = (title: string) => void Taro.showToast({ title, icon: 'none' })

/** `uploads/<domain>/<24 random characters>.<ext>`: no user, no time in the name (storage-rules.json). */
export function stagingPath(domain: string, name: string): string {
  const ext = (/\.([a-z0-9]{1,5})$/i.exec(name)?.[1] ?? 'bin').toLowerCase()
  const random = Array.from({ length: 24 }, () => 'abcdefghijklmnopqrstuvwxyz0123456789'[Math.floor(Math.random() * 36)]).join('')
  return `uploads/${domain}/${random}.${ext}`
}

/**
 * The file picker of every form with attachments: documents (from a chat or the disk) or photos, up to
 * the room left; what is too big or of another type is dropped (and said); the rest is uploaded to the
 * staging folder. Resolves the uploaded files — [] when nothing was added (a failure is said, not thrown).
 */
export async function pickAndUpload(kind: 'document' | 'image', rules: UploadRules): Promise<UploadedFile[]> {
  const room = rules.max - rules.taken
  if (room <= 0) {
    toast(rules.full)
    return []
  }
  try {
    const picked = kind === 'document' ? await files.pickDocuments(room, rules.documents) : await files.pickImages(room)
    const ok = picked.filter((p) => p.size <= rules.maxBytes && (kind === 'image' || IMAGES.test(p.name) || rules.documents.some((e) => p.name.toLowerCase().endsWith(`.${e}`))))
    if (ok.length < picked.length) toast('有文件超过 20 MB 或类型不支持，已跳过')
    if (ok.length === 0) return []
    Taro.showLoading({ title: '正在上传…' })
    const uploaded: UploadedFile[] = []
    for (const p of ok) uploaded.push({ fileId: await files.uploadFile(p.path, rules.stagingPath(p.name)), name: p.name, size: p.size })
    return uploaded
  } catch {
    toast('附件没有上传成功，请重试')
    return []
  } finally {
    Taro.hideLoading()
  }
}

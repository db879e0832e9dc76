/**
 * A file a person uploaded, made permanent by a function (notice attachments, 教代会 answer files):
 * the app uploads to the staging folder `uploads/<domain>/<random>.<ext>` (the only place clients may
 * write, storage-rules.json); `sealFile` downloads it once, checks its real size and that its bytes
 * match its type (a renamed .exe is refused), strips a photo's metadata (camera, GPS, time), and
 * stores the bytes at `<folder>/<sha256>.<ext>` — a path only functions write, named by its content,
 * so the same bytes sealed twice are one file. The caller records the hash and deletes the staging copy
 * after its own write has committed.
 */
import { createHash } from 'node:crypto'
import { ATTACHMENT_MAX_BYTES } from '../../types/notice'
import type { Ctx } from './context'
import { AppError } from './errors'
import { stripImageMetadata } from '../opinion/image-strip'

export type FileKind = 'pdf' | 'doc' | 'docx' | 'xls' | 'xlsx' | 'jpg' | 'png'

export function kindOf(name: string): FileKind | null {
  const ext = /\.([a-z]+)$/i.exec(name)?.[1]?.toLowerCase()
  if (ext === 'jpeg') return 'jpg'
  return ext === 'pdf' || ext === 'doc' || ext === 'docx' || ext === 'xls' || ext === 'xlsx' || ext === 'jpg' || ext === 'png' ? ext : null
}

const startsWith = (buf: Buffer, bytes: number[]) => bytes.every((b, i) => buf[i] === b)
const ZIP = [0x50, 0x4b, 0x03, 0x04]
const OLE = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]

/** Do the bytes look like the declared kind? (Office 2007+ files are zip; .doc/.xls are OLE.) */
export function bytesMatch(kind: FileKind, buf: Buffer): boolean {
  switch (kind) {
    case 'pdf': return buf.subarray(0, 5).toString('latin1') === '%PDF-'
    case 'docx': case 'xlsx': return startsWith(buf, ZIP)
    case 'doc': case 'xls': return startsWith(buf, OLE)
    case 'jpg': return startsWith(buf, [0xff, 0xd8, 0xff])
    case 'png': return startsWith(buf, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
  }
}

export const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex')

export interface Sealed { fileId: string; size: number; sha256: string }

/**
 * Checks one staged file, strips a photo, stores it under its hash in `folder`. `declared` 'image'
 * takes JPEG or PNG by its bytes; a document kind comes from the file's name. `label` names the file
 * in the refusal ("附件“通知.pdf”").
 */
export async function sealFile(ctx: Ctx, stagedId: string, declared: FileKind | 'image', label: string, folder: string): Promise<Sealed> {
  let content = await ctx.services.download(stagedId)
  if (content.length === 0) throw new AppError('BAD_INPUT', `${label}是空文件，请重新上传`)
  if (content.length > ATTACHMENT_MAX_BYTES) throw new AppError('BAD_INPUT', `${label}超过 20M，请压缩后再上传`)
  const kind: FileKind | null = declared !== 'image' ? declared : bytesMatch('jpg', content) ? 'jpg' : bytesMatch('png', content) ? 'png' : null
  if (!kind) throw new AppError('BAD_INPUT', `${label}只能是 JPG 或 PNG 格式的图片`)
  if (!bytesMatch(kind, content)) throw new AppError('BAD_INPUT', `${label}的内容与文件类型不符，请上传真正的 PDF、Word、Excel 文件或图片`)
  if (kind === 'jpg' || kind === 'png') {
    try {
      content = stripImageMetadata(content).bytes
    } catch {
      throw new AppError('BAD_INPUT', `${label}无法识别，请换一张图片`)
    }
  }
  const hash = sha256(content)
  const fileId = await ctx.services.upload(`${folder}/${hash}.${kind}`, content)
  return { fileId, size: content.length, sha256: hash }
}

/**
 * Are the stored bytes still what was sealed? The path must name the recorded hash (`namedHash`, read
 * from the fileID by the caller's own pattern) and the bytes, downloaded again, must hash to it. A
 * missing file, or one replaced by anyone with storage access, is not intact: callers hand out no link.
 */
export async function stillSealed(ctx: Ctx, file: { fileId: string; sha256: string | null | undefined }, namedHash: string | null): Promise<boolean> {
  if (!file.sha256 || namedHash !== file.sha256) return false
  try {
    return sha256(await ctx.services.download(file.fileId)) === file.sha256
  } catch {
    return false
  }
}

/** Deletes the staging copies of a committed save; a failure here leaves only an orphan staging file. */
export async function dropStaged(ctx: Ctx, staged: string[], domain: string): Promise<void> {
  if (staged.length === 0) return
  try {
    await ctx.services.remove(staged)
  } catch (err) {
    console.error(`${domain}: staging files not deleted: ${(err as Error).message}`)
  }
}

/**
 * Attachments and body images: the app uploads to cloud storage and sends fileIDs; here each new
 * file is downloaded once and checked — real size within the limit and bytes that match the
 * declared type (a renamed .exe is refused) — before it is recorded as { fileId, name, size }.
 */
import { ATTACHMENT_MAX_BYTES, type AttachmentInput, type NoticeBlock } from '../../types/notice'
import type { Ctx } from '../_shared/context'
import type { Attachment } from '../_shared/documents'
import { AppError } from '../_shared/errors'

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

async function checkedSize(ctx: Ctx, fileId: string, kind: FileKind, label: string): Promise<number> {
  const content = await ctx.services.download(fileId)
  if (content.length === 0) throw new AppError('BAD_INPUT', `${label}是空文件，请重新上传`)
  if (content.length > ATTACHMENT_MAX_BYTES) throw new AppError('BAD_INPUT', `${label}超过 20 MB，请压缩后再上传`)
  if (!bytesMatch(kind, content)) throw new AppError('BAD_INPUT', `${label}的内容与文件类型不符，请上传真正的 PDF、Word、Excel 或图片文件`)
  return content.length
}

/**
 * The attachments to record. Files already on the notice (`kept`) are not fetched again; new
 * ones are checked and recorded with their real size.
 */
export async function checkAttachments(ctx: Ctx, list: AttachmentInput[], kept: Attachment[] = []): Promise<Attachment[]> {
  const known = new Map(kept.map((a) => [a.fileId, a]))
  if (new Set(list.map((a) => a.fileId)).size !== list.length) throw new AppError('BAD_INPUT', '同一个附件添加了两次')
  const out: Attachment[] = []
  for (const a of list) {
    const old = known.get(a.fileId)
    if (old) { out.push({ ...old, name: a.name }); continue }
    const kind = kindOf(a.name)
    if (!kind) throw new AppError('BAD_INPUT', `附件“${a.name}”的类型不支持：只能是 PDF、Word、Excel 或图片（jpg/png）`)
    out.push({ fileId: a.fileId, name: a.name, size: await checkedSize(ctx, a.fileId, kind, `附件“${a.name}”`) })
  }
  return out
}

/** Body images must be real jpg/png files; images already in the notice are not fetched again. */
export async function checkBodyImages(ctx: Ctx, body: NoticeBlock[], keptBody: NoticeBlock[] = []): Promise<void> {
  const kept = new Set(keptBody.flatMap((b) => (b.type === 'image' ? [b.fileId] : [])))
  for (const b of body) {
    if (b.type !== 'image' || kept.has(b.fileId)) continue
    const content = await ctx.services.download(b.fileId)
    if (content.length > ATTACHMENT_MAX_BYTES) throw new AppError('BAD_INPUT', '正文图片超过 20 MB，请压缩后再上传')
    if (!bytesMatch('jpg', content) && !bytesMatch('png', content)) throw new AppError('BAD_INPUT', '正文图片只能是 jpg 或 png')
    kept.add(b.fileId)
  }
}

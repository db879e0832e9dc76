/**
 * A notice's files cannot change once published.
 *
 * 1. The app uploads each new file to `uploads/notice/<random>.<ext>` (staging — the only place
 *    clients may write) and sends its fileID.
 * 2. `sealFiles` downloads each new file once, checks its real size and that its bytes match its
 *    type (a renamed .exe is refused), strips a photo's metadata (camera, GPS, time), and copies the
 *    bytes to `notice-files/<sha256>.<ext>` — a path only functions write, named by its content. The
 *    hash is stored with the file; a version holds only sealed files.
 * 3. The staging copies are deleted after the write that records the sealed ones has committed, so
 *    a retry of a failed save still finds them (`dropStaged`).
 * 4. On read the bytes are hashed again before a link is handed out (`verifiedUrl`): a mismatch is
 *    shown as 附件已损坏 and recorded for the chair (`notice_file_alerts`), never served silently.
 *
 * A sealed fileID sent back by the editor is accepted only when the notice already holds it.
 */
import { SEALED_NOTICE_FILE, STAGED_NOTICE_FILE, type AttachmentInput, type NoticeBlock } from '../../types/notice'
import type { Ctx } from '../_shared/context'
import { isDuplicateKey } from '../_shared/create-once'
import type { Attachment, NoticeDoc } from '../_shared/documents'
import { AppError } from '../_shared/errors'
import { dropStaged as dropStagedFiles, kindOf, sealFile, sha256, stillSealed, type FileKind, type Sealed } from '../_shared/sealed-files'
import { NOTICE_FILE_ALERTS, type NoticeFileAlertDoc } from './documents'

export { kindOf, sha256, type FileKind }

/** The hash a sealed fileID names, or null for any other fileID. */
export function sealedHash(fileId: string): string | null {
  return SEALED_NOTICE_FILE.exec(fileId)?.[1] ?? null
}

/** Checks one staged file and stores it under its hash in notice-files/ (only functions write there). */
const sealOne = (ctx: Ctx, stagedId: string, declared: FileKind | 'image', label: string): Promise<Sealed> => sealFile(ctx, stagedId, declared, label, 'notice-files')

export interface StagedFiles {
  /** staging fileID → its sealed copy */
  sealed: Map<string, Sealed>
  /** staging fileIDs to delete once the save has committed */
  staged: string[]
}

/**
 * Seals every staging file a save sends (attachments and body images). Sealed fileIDs are left for
 * `assemble`, which accepts them only when the stored notice holds them.
 */
export async function sealNew(ctx: Ctx, attachments: AttachmentInput[], body: NoticeBlock[]): Promise<StagedFiles> {
  if (new Set(attachments.map((a) => a.fileId)).size !== attachments.length) throw new AppError('BAD_INPUT', '同一个附件添加了两次')
  const sealed = new Map<string, Sealed>()
  for (const a of attachments) {
    const kind = kindOf(a.name)
    if (!kind) throw new AppError('BAD_INPUT', `附件“${a.name}”的类型不支持：只能是 PDF、Word、Excel 文件或图片`)
    if (STAGED_NOTICE_FILE.test(a.fileId)) sealed.set(a.fileId, await sealOne(ctx, a.fileId, kind, `附件“${a.name}”`))
  }
  for (const b of body) {
    if (b.type === 'image' && STAGED_NOTICE_FILE.test(b.fileId) && !sealed.has(b.fileId)) sealed.set(b.fileId, await sealOne(ctx, b.fileId, 'image', '正文图片'))
  }
  return { sealed, staged: [...sealed.keys()] }
}

/**
 * The attachments and body to store: staging files replaced by their sealed copies, sealed files
 * kept from `current` (the draft being edited or the version being corrected). A sealed fileID the
 * notice does not hold is refused — a save cannot borrow another notice's file.
 */
export function assemble(attachments: AttachmentInput[], body: NoticeBlock[], files: StagedFiles, current?: Pick<NoticeDoc, 'attachments' | 'body'>): { attachments: Attachment[]; body: NoticeBlock[] } {
  const images = new Set((current?.body ?? []).flatMap((b) => (b.type === 'image' ? [b.fileId] : [])))
  const outAttachments = attachments.map((a): Attachment => {
    const s = files.sealed.get(a.fileId)
    if (s) return { fileId: s.fileId, name: a.name, size: s.size, sha256: s.sha256 }
    const kept = current?.attachments.find((x) => x.fileId === a.fileId)
    if (!kept) throw new AppError('BAD_INPUT', `附件“${a.name}”不是这份公告的文件，请重新上传`)
    return { ...kept, name: a.name }
  })
  const outBody = body.map((b): NoticeBlock => {
    if (b.type !== 'image') return b
    const s = files.sealed.get(b.fileId)
    if (s) return { ...b, fileId: s.fileId }
    if (!images.has(b.fileId)) throw new AppError('BAD_INPUT', '正文图片不是这份公告的文件，请重新上传')
    return b
  })
  return { attachments: outAttachments, body: outBody }
}

/** Deletes the staging copies of a committed save; a failure here leaves only an orphan staging file. */
export const dropStaged = (ctx: Ctx, staged: string[]): Promise<void> => dropStagedFiles(ctx, staged, 'notice')

export interface StoredFile { fileId: string; sha256: string | null; name: string }

/** The body images of a version, with the hash each one's sealed fileID names. */
export function imagesOf(body: NoticeBlock[]): StoredFile[] {
  return body.flatMap((b) => (b.type === 'image' ? [{ fileId: b.fileId, sha256: sealedHash(b.fileId), name: '正文图片' }] : []))
}

const intact = (ctx: Ctx, file: StoredFile): Promise<boolean> => stillSealed(ctx, file, sealedHash(file.fileId))

/**
 * Temporary links to stored files whose bytes still hash to what the version recorded. A file that
 * does not (or is gone, or was never sealed) gets no link — its damage is recorded once per
 * notice, version and file for the chair — and is listed in `damaged`.
 */
export async function verifiedUrls(ctx: Ctx, notice: Pick<NoticeDoc, '_id' | 'title'>, version: number, files: StoredFile[]): Promise<{ urls: Record<string, string>; damaged: Set<string> }> {
  const checks = await Promise.all(files.map((f) => intact(ctx, f)))
  const damaged = new Set(files.filter((_f, i) => !checks[i]).map((f) => f.fileId))
  for (const f of files.filter((x) => damaged.has(x.fileId))) await reportDamaged(ctx, notice, version, f)
  const good = files.filter((f) => !damaged.has(f.fileId)).map((f) => f.fileId)
  return { urls: good.length ? await ctx.services.tempUrls(good) : {}, damaged }
}

async function reportDamaged(ctx: Ctx, notice: Pick<NoticeDoc, '_id' | 'title'>, version: number, file: StoredFile): Promise<void> {
  console.error(`notice ${notice._id} v${version}: stored file does not match its hash (${file.name})`)
  const doc: NoticeFileAlertDoc = {
    _id: `${notice._id}_v${version}_${sha256(Buffer.from(file.fileId)).slice(0, 16)}`,
    noticeId: notice._id, noticeTitle: notice.title, version, name: file.name, foundAt: ctx.now, resolved: false,
  }
  try {
    await ctx.db.collection(NOTICE_FILE_ALERTS).add({ data: doc })
  } catch (err) {
    if (!isDuplicateKey(err)) throw err // already reported: nothing changes
  }
}

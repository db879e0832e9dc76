/**
 * A meeting's 照片和附件. Each new one the app staged under `uploads/plan/` is checked by its bytes and
 * sealed by content at `meeting-files/<sha256>.<ext>` (a path only functions write) before the meeting is
 * written; the staging copies are deleted after the write has committed. A sealed id sent back by the
 * edit form is kept only when the meeting already holds it.
 */
import { SEALED_MEETING_FILE, type MeetingFileInput, type MeetingView } from '../../types/plan'
import type { Ctx } from '../_shared/context'
import { AppError } from '../_shared/errors'
import { dropStaged, kindOf, sealFile } from '../_shared/sealed-files'
import type { MeetingDoc } from './documents'

export type MeetingFile = NonNullable<MeetingDoc['files']>[number]

export async function sealMeetingFiles(ctx: Ctx, input: MeetingFileInput[], held: MeetingFile[] = []): Promise<MeetingFile[]> {
  if (new Set(input.map((f) => f.fileId)).size !== input.length) throw new AppError('BAD_INPUT', '同一个附件添加了两次')
  const out: MeetingFile[] = []
  for (const f of input) {
    if (SEALED_MEETING_FILE.test(f.fileId)) {
      const kept = held.find((h) => h.fileId === f.fileId)
      if (!kept) throw new AppError('BAD_INPUT', `附件“${f.name}”不属于这次会议，请重新上传`)
      out.push(kept)
      continue
    }
    const kind = kindOf(f.name)
    if (!kind) throw new AppError('BAD_INPUT', `附件“${f.name}”的类型不支持：只能是图片、PDF、Word 或 Excel 文件`)
    const s = await sealFile(ctx, f.fileId, kind, `附件“${f.name}”`, 'meeting-files')
    out.push({ fileId: s.fileId, name: f.name, size: s.size, sha256: s.sha256 })
  }
  return out
}

export const stagedOf = (input: MeetingFileInput[]) => input.filter((f) => !SEALED_MEETING_FILE.test(f.fileId)).map((f) => f.fileId)
export const dropStagedMeetingFiles = (ctx: Ctx, input: MeetingFileInput[]) => dropStaged(ctx, stagedOf(input), 'plan')

/** The view's files with temporary links (one request for all of them). */
export async function withFileLinks(ctx: Ctx, view: MeetingView): Promise<MeetingView> {
  if (!view.files.length) return view
  const urls = await ctx.services.tempUrls(view.files.map((f) => f.fileId))
  return { ...view, files: view.files.map((f) => ({ ...f, url: urls[f.fileId] ?? null })) }
}

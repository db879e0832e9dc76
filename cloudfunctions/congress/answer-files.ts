/**
 * Files the 承办人 attaches to an answer (images, PDF, Word). Staged by the app under
 * `uploads/congress/`, each is checked and sealed by content at `congress-answers/<sha256>.<ext>`
 * (a path only functions write) before the answer is written; the staging copies are deleted after
 * the answer's write has committed. Members get temporary links with the proposal's detail.
 */
import type { AnswerFileInput, AnswerFileView } from '../../types/congress'
import type { Ctx } from '../_shared/context'
import { AppError } from '../_shared/errors'
import { dropStaged, kindOf, sealFile } from '../_shared/sealed-files'
import type { AnswerEntry, AnswerFile } from './documents'

const FOLDER = 'congress-answers'
const WORD_OR_PDF_OR_IMAGE = new Set(['pdf', 'doc', 'docx', 'jpg', 'png'])

export async function sealAnswerFiles(ctx: Ctx, files: AnswerFileInput[]): Promise<AnswerFile[]> {
  if (new Set(files.map((f) => f.fileId)).size !== files.length) throw new AppError('BAD_INPUT', '同一个附件添加了两次')
  const out: AnswerFile[] = []
  for (const f of files) {
    const kind = kindOf(f.name)
    if (!kind || !WORD_OR_PDF_OR_IMAGE.has(kind)) throw new AppError('BAD_INPUT', `附件“${f.name}”的类型不支持：只能是图片、PDF 或 Word 文件`)
    const s = await sealFile(ctx, f.fileId, kind, `附件“${f.name}”`, FOLDER)
    out.push({ fileId: s.fileId, name: f.name, size: s.size, sha256: s.sha256 })
  }
  return out
}

export const dropStagedAnswerFiles = (ctx: Ctx, files: AnswerFileInput[]) => dropStaged(ctx, files.map((f) => f.fileId), 'congress')

/** Every shown answer's files with one temporary-link request. */
export async function answerFileViews(ctx: Ctx, answers: AnswerEntry[]): Promise<Map<AnswerEntry, AnswerFileView[]>> {
  const ids = answers.flatMap((a) => (a.files ?? []).map((f) => f.fileId))
  const urls = ids.length ? await ctx.services.tempUrls(ids) : {}
  return new Map(answers.map((a) => [a, (a.files ?? []).map((f) => ({ name: f.name, size: f.size, kind: kindOf(f.name) ?? '', url: urls[f.fileId] ?? null }))]))
}

/**
 * Files the 承办人 attaches to an answer (images, PDF, Word). Staged by the app under
 * `uploads/congress/`, each is checked and sealed by content at `congress-answers/<sha256>.<ext>`
 * (a path only functions write) before the answer is written; the staging copies are deleted after
 * the answer's write has committed. Members open them one at a time (answerFile): the bytes are hashed
 * again first, so a file replaced in storage is refused rather than served.
 */
import type { AnswerFileInput, AnswerFileView } from '../../types/congress'
import type { Ctx } from '../_shared/context'
import { AppError, notFound } from '../_shared/errors'
import { dropStaged, kindOf, sealFile, stillSealed } from '../_shared/sealed-files'
import type { AnswerEntry, AnswerFile, ProposalDoc } from './documents'

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

/** Every shown answer's files as listed: a link is handed out one file at a time, after its hash is checked (answerFile). */
export function answerFileViews(answers: AnswerEntry[]): Map<AnswerEntry, AnswerFileView[]> {
  return new Map(answers.map((a) => [a, (a.files ?? []).map((f) => ({ name: f.name, size: f.size, kind: kindOf(f.name) ?? '' }))]))
}

/** The hash a sealed answer file's path names (`congress-answers/<sha256>.<ext>`), or null. */
const namedHash = (fileId: string) => /\/congress-answers\/([0-9a-f]{64})\.[a-z]+$/.exec(fileId)?.[1] ?? null

/**
 * congress.answerFile — a temporary link to file `index` of the round's shown answer, only while the
 * stored bytes still hash to what was recorded when the answer was written (as notice attachments are
 * checked, _shared/sealed-files.ts `stillSealed`). A replaced or missing file is refused, never served.
 */
export async function answerFile(ctx: Ctx, p: ProposalDoc, round: number, index: number): Promise<{ url: string; name: string; kind: string }> {
  const a = p.answers.find((x) => x.round === round && !x.returnedReason)
  const f = a?.files?.[index]
  if (!f) throw notFound('这个答复附件')
  if (!(await stillSealed(ctx, f, namedHash(f.fileId)))) {
    console.error(`congress ${p._id} round ${round}: stored answer file does not match its hash (${f.name})`)
    throw new AppError('CONFLICT', `答复附件“${f.name}”已损坏，无法打开；请告诉提案工作委员会，由承办人重新提供`)
  }
  const url = (await ctx.services.tempUrls([f.fileId]))[f.fileId]
  if (!url) throw new AppError('INTERNAL', '附件暂时无法打开，请稍后再试')
  return { url, name: f.name, kind: kindOf(f.name) ?? 'file' }
}

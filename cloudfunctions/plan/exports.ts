/** The 工作总结 as Word, uploaded for download (chair). */
import { recordAudit } from '../_shared/audit'
import type { Ctx } from '../_shared/context'
import { AppError } from '../_shared/errors'
import { randomBytes } from 'node:crypto'
import { summary } from './summary'
import { summaryDocument } from './word'

export async function exportSummary(ctx: Ctx, year: number, text?: string[]): Promise<{ url: string; fileName: string }> {
  const paragraphs = text?.length ? text : (await summary(ctx, year)).text
  const fileName = `${year}年工会工作总结.docx`
  const fileId = await ctx.services.upload(`plan-exports/${randomBytes(12).toString('hex')}.docx`, await summaryDocument(year, paragraphs))
  const url = (await ctx.services.tempUrls([fileId]))[fileId]
  if (!url) throw new AppError('INTERNAL', '文件生成了但暂时无法下载，请重试')
  await recordAudit(ctx.db, ctx, { action: 'plan.exportSummary', target: { kind: 'plan', id: `plan_${year}`, label: `${year}年工会工作总结` } })
  return { url, fileName }
}

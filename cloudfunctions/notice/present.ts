/** Documents → the DTOs the app parses (fileIDs become temporary URLs, never raw docs). */
import type { AttachmentOut, NoticeBlock, NoticeBlockOut } from '../../types/notice'
import type { Ctx } from '../_shared/context'
import type { Attachment } from '../_shared/documents'
import { addDays, shanghaiDate, startOfShanghaiDay } from '../_shared/time'
import { AppError } from '../_shared/errors'
import { kindOf } from './attachments'

/** Temporary URLs for every file a body and attachment list refer to. */
export async function urlsFor(ctx: Ctx, body: NoticeBlock[], attachments: Attachment[]): Promise<Record<string, string>> {
  const ids = [...body.flatMap((b) => (b.type === 'image' ? [b.fileId] : [])), ...attachments.map((a) => a.fileId)]
  return ids.length ? ctx.services.tempUrls(ids) : {}
}

export function blocksOut(body: NoticeBlock[], urls: Record<string, string>): NoticeBlockOut[] {
  return body.map((b): NoticeBlockOut => {
    if (b.type !== 'image') return b
    return { type: 'image', ...(urls[b.fileId] ? { url: urls[b.fileId] } : {}), ...(b.caption ? { caption: b.caption } : {}) }
  })
}

export function attachmentsOut(list: Attachment[], urls: Record<string, string>): AttachmentOut[] {
  return list.map((a) => ({ name: a.name, size: a.size, kind: kindOf(a.name) ?? 'file', ...(urls[a.fileId] ? { url: urls[a.fileId] } : {}) }))
}

/**
 * 公示期 days (Shanghai, both inclusive) → [start, end) instants. The end may not be before the
 * start and the period may not exceed 60 days.
 */
export function publicityPeriod(p: { startDate: string; endDate: string } | null | undefined): { publicityStart?: Date; publicityEnd?: Date } {
  if (!p) return {}
  let start: Date, end: Date
  try {
    start = startOfShanghaiDay(p.startDate)
    end = startOfShanghaiDay(addDays(p.endDate, 1))
  } catch {
    throw new AppError('BAD_INPUT', '公示期日期不存在，请重新选择')
  }
  if (end.getTime() <= start.getTime()) throw new AppError('BAD_INPUT', '公示结束日期不能早于开始日期')
  if (end.getTime() - start.getTime() > 60 * 86400_000) throw new AppError('BAD_INPUT', '公示期最长 60 天')
  return { publicityStart: start, publicityEnd: end }
}

/** The stored period back as the days the editor shows. */
export function publicityDays(start?: Date, end?: Date): { startDate: string; endDate: string } | undefined {
  if (!start || !end) return undefined
  return { startDate: shanghaiDate(start), endDate: addDays(shanghaiDate(end), -1) }
}

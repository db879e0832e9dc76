/** Documents → the DTOs the app parses (fileIDs become temporary URLs, never raw docs). */
import type { AttachmentOut, NoticeBlock, NoticeBlockOut, PublicityState } from '../../types/notice'
import type { Attachment, NoticeDoc } from '../_shared/documents'
import { addDays, publicityState, shanghaiDate, startOfShanghaiDay } from '../_shared/time'
import { AppError } from '../_shared/errors'
import { kindOf } from './files'

/** Body blocks as shown: an image carries its verified link, or `damaged` when its bytes no longer match. */
export function blocksOut(body: NoticeBlock[], urls: Record<string, string>, damaged: Set<string>): NoticeBlockOut[] {
  return body.map((b): NoticeBlockOut => {
    if (b.type !== 'image') return b
    return {
      type: 'image', ...(urls[b.fileId] ? { url: urls[b.fileId] } : {}), ...(b.caption ? { caption: b.caption } : {}), ...(damaged.has(b.fileId) ? { damaged: true } : {}),
    }
  })
}

/** Attachments as listed (the link comes from notice.file, after the file's hash is checked). */
export function attachmentsOut(list: Attachment[]): AttachmentOut[] {
  return list.map((a) => ({ name: a.name, size: a.size, kind: kindOf(a.name) ?? 'file' }))
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

/** 公示期 as a reader should see it: a draft's period is only planned (never 公示中 before publication). */
export function publicityOf(n: Pick<NoticeDoc, 'state' | 'publicityStart' | 'publicityEnd'>, now: Date): PublicityState {
  if (n.state === 'draft') return n.publicityStart && n.publicityEnd ? 'planned' : 'none'
  return publicityState(n.publicityStart, n.publicityEnd, now)
}

import type { TagTone } from '@/components/common/Tag'
import { pollStateLabels, type PollState, type PollSummary } from '../../../types/poll'
import { formatDateTime } from '@/utils/time'

export const stateTone: Record<PollState, TagTone> = { draft: 'neutral', open: 'success', closed: 'info', published: 'primary' }

/** The tag a poll wears in lists: its state, or 无效 once closed below quorum. */
export function stateTag(p: Pick<PollSummary, 'state' | 'outcome'>): { label: string; tone: TagTone } {
  if (p.outcome === 'void') return { label: '无效', tone: 'warning' }
  return { label: pollStateLabels[p.state], tone: stateTone[p.state] }
}

/** "截止 11月25日 18:00" while open, "已于 … 结束" after. */
export function timeLine(p: Pick<PollSummary, 'state' | 'closesAt' | 'closedAt'>): string {
  if (p.closedAt) return `已于 ${formatDateTime(p.closedAt)} 结束`
  return `截止 ${formatDateTime(p.closesAt)}`
}

export const roundName = (round: number) => (round > 1 ? `第 ${round} 轮` : '')

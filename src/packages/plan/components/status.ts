import { itemStatusLabels, type PlanItemView } from '../../../../types/plan'
import type { TagTone } from '@/components/common/Tag'

const TONE: Record<PlanItemView['status'], TagTone> = { planned: 'neutral', ongoing: 'info', done: 'success', cancelled: 'neutral' }

/** The item's status as a tag: 逾期 wins over 计划中 / 进行中. */
export function statusTag(i: Pick<PlanItemView, 'status' | 'overdue'>): { text: string; tone: TagTone } {
  if (i.overdue) return { text: '逾期', tone: 'warning' }
  return { text: itemStatusLabels[i.status], tone: TONE[i.status] }
}

/** `2026-03` one month before or after. */
export function stepMonth(month: string, by: number): string {
  const [y, m] = month.split('-').map(Number)
  const n = y * 12 + (m - 1) + by
  return `${Math.floor(n / 12)}-${String((n % 12) + 1).padStart(2, '0')}`
}

import { proposalStateLabels, type ProposalState } from '../../../types/congress'
import type { TagTone } from '@/components/common/Tag'

const TONES: Record<ProposalState, TagTone> = {
  draft: 'info', submitted: 'primary', returned: 'warning', accepted: 'primary', assigned: 'primary', answered: 'primary',
  rating: 'warning', closed: 'success', merged: 'neutral', suggestion: 'neutral',
}
export const stateTag = (s: ProposalState) => ({ label: proposalStateLabels[s], tone: TONES[s] })
export const numberLabel = (n: number | null) => (n ? `第${n}号` : '未编号')
export const pct = (v: number | null) => (v === null ? '—' : `${v}%`)

import type { OpinionProposalLink, OpinionState } from '../../../types/opinion'
import type { TagTone } from '../common/Tag'

export const stateTag: Record<OpinionState, { label: string; tone: TagTone }> = {
  pending: { label: '待受理', tone: 'info' },
  processing: { label: '处理中', tone: 'primary' },
  replied: { label: '已答复', tone: 'success' },
  closed: { label: '已办结', tone: 'neutral' },
  rejected: { label: '不予受理', tone: 'neutral' },
}

export const holdLabel = { review: '待审核（内容需人工查看）', unavailable: '待审核（内容检查暂不可用）' } as const

/** "已转为提案 第3号“…” — 待审查": the 教代会 proposal drafted from the item (a draft has no number yet). */
export const proposalLine = (p: OpinionProposalLink) => `已转为教代会提案 ${p.number ? `第${p.number}号` : '（草稿）'}“${p.title}” — ${p.state}`

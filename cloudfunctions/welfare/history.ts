/**
 * A visit's history as people read it: the audit entries written with each change (record,
 * correct, complete, cancel, plan), turned into "慰问金：500.00 元 → 600.00 元" lines.
 */
import type { WelfareVisitDetail } from '../../types/welfare'
import { formatFen } from '../../types/money'
import type { AuditDoc, WelfareVisitDoc } from '../_shared/documents'
import { iso } from '../_shared/query'

type Recipient = WelfareVisitDoc['recipient']

/** The fields a change may touch, for the audit's before/after. */
export function editable(v: Partial<WelfareVisitDoc>) {
  return {
    recipient: v.recipient, reason: v.reason, visitDate: v.visitDate, visitors: v.visitors, cashFen: v.cashFen,
    gifts: v.gifts, fund: v.fund, notes: v.notes, photos: v.photos, followUpOn: v.followUpOn, state: v.state,
  }
}

/** Canonical JSON (keys sorted): the database may hand nested keys back in another order. */
function canonical(value: unknown): string {
  return JSON.stringify(value, (_k, v) => (v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, v[k]])) : v))
}

/** The fields that really changed, as { before, after } for the audit entry. */
export function changedFields(before: Record<string, unknown>, after: Record<string, unknown>): { before: Record<string, unknown>; after: Record<string, unknown> } {
  const b: Record<string, unknown> = {}
  const a: Record<string, unknown> = {}
  for (const key of Object.keys(after)) {
    if (canonical(before[key]) !== canonical(after[key])) {
      b[key] = before[key]
      a[key] = after[key]
    }
  }
  return { before: b, after: a }
}

const LABELS: Record<string, string> = {
  recipient: '受慰问人', reason: '慰问事由', visitDate: '日期', visitors: '看望人', cashFen: '慰问金', gifts: '慰问品',
  fund: '经费来源', notes: '备注', photos: '照片', followUpOn: '回访日期', state: '状态', cancelReason: '取消原因',
}
const STATE_WORDS: Record<string, string> = { planned: '计划中', done: '已慰问', cancelled: '已取消' }

function words(key: string, value: unknown): string {
  if (value === undefined || value === null || value === '') return '（空）'
  if (key === 'cashFen' && typeof value === 'number') return `${formatFen(value)} 元`
  if (key === 'recipient') return (value as Recipient).name
  if (key === 'visitors') return (value as Recipient[]).map((p) => p.name).join('、') || '（空）'
  if (key === 'gifts') return (value as Array<{ name: string; valueFen: number }>).map((g) => `${g.name} ${formatFen(g.valueFen)} 元`).join('、') || '（空）'
  if (key === 'photos') return `${(value as string[]).length} 张`
  if (key === 'state') return STATE_WORDS[String(value)] ?? String(value)
  return String(value)
}

const WHAT: Record<string, string> = {
  'welfare.record': '记录', 'welfare.correct': '更正', 'welfare.complete': '完成慰问', 'welfare.cancel': '取消',
  'welfare.planCreate': '列入计划',
}

export function historyOf(entries: AuditDoc[]): WelfareVisitDetail['history'] {
  return entries.map((e) => {
    const before = (e.before ?? {}) as Record<string, unknown>
    const after = (e.after ?? {}) as Record<string, unknown>
    const changes = e.action === 'welfare.record' ? [] : Object.keys(after).filter((k) => LABELS[k]).map((k) => `${LABELS[k]}：${words(k, before[k])} → ${words(k, after[k])}`)
    return { at: iso(e.at), actorName: e.actorName, what: WHAT[e.action] ?? e.action, ...(e.note ? { note: e.note } : {}), changes }
  })
}

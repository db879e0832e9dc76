/** Documents → the DTOs the app parses (never a raw document, never an openid). */
import type { WelfareVisitItem } from '../../types/welfare'
import type { WelfareVisitDoc } from '../_shared/documents'

export function visitItem(v: WelfareVisitDoc): WelfareVisitItem {
  return {
    id: v._id,
    recipientName: v.recipient.name,
    recipientKind: v.recipient.kind,
    ...(v.recipient.memberId ? { memberId: v.recipient.memberId } : {}),
    ...(v.recipient.department ? { department: v.recipient.department } : {}),
    reason: v.reason,
    visitDate: v.visitDate,
    visitors: v.visitors.map((p) => p.name),
    cashFen: v.cashFen,
    gifts: v.gifts.map((g) => ({ name: g.name, valueFen: g.valueFen })),
    giftValueFen: giftSum(v.gifts),
    fund: v.fund,
    state: v.state,
    notes: v.notes,
    photoCount: v.photos.length,
    ...(v.planId ? { planId: v.planId } : {}),
    revision: v.revision ?? 1,
  }
}

/** Integer sum of gift values in 分. */
export function giftSum(gifts: Array<{ valueFen: number }>): number {
  return gifts.reduce((sum, g) => sum + g.valueFen, 0)
}

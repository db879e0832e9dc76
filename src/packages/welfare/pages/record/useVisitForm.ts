import { useState } from 'react'
import type { WelfareFund, WelfarePerson, WelfareReason, WelfareVisitDetail } from '../../../../../types/welfare'
import { formatFen } from '../../../../../types/money'
import { todayShanghai } from '@/utils/time'
import type { GiftDraft } from '../../components/GiftRows'
import type { PhotoDraft } from '../../components/PhotoUploader'

/** Everything the visit form holds, as typed (amounts stay 元 text until the function parses them). */
export interface VisitForm {
  recipientKind: '会员' | '非会员'
  person: WelfarePerson | null
  otherName: string
  relation: string
  reason: WelfareReason
  visitDate: string
  visitorIds: string[]
  cashYuan: string
  gifts: GiftDraft[]
  fund: WelfareFund
  notes: string
  photos: PhotoDraft[]
  followUpDays: string
  planned: boolean
  correction: string
}

export function blankForm(reason: WelfareReason = '节日慰问'): VisitForm {
  return {
    recipientKind: '会员', person: null, otherName: '', relation: '', reason, visitDate: todayShanghai(), visitorIds: [], cashYuan: '',
    gifts: [], fund: '工会经费', notes: '', photos: [], followUpDays: '14', planned: false, correction: '',
  }
}

/** A stored visit back into the form (for 更正 and 完成). */
export function formOf(v: WelfareVisitDetail): VisitForm {
  return {
    recipientKind: v.recipientKind === 'member' ? '会员' : '非会员',
    person: v.memberId ? { id: v.memberId, name: v.recipientName, department: v.department ?? '', status: '在职', hardship: false } : null,
    otherName: v.recipientKind === 'other' ? v.recipientName : '', relation: v.relation ?? '', reason: v.reason, visitDate: v.visitDate,
    visitorIds: v.visitorIds, cashYuan: formatFen(v.cashFen), gifts: v.gifts.map((g) => ({ name: g.name, valueYuan: formatFen(g.valueFen) })),
    fund: v.fund, notes: v.notes, photos: v.photos.map((p) => ({ fileId: p.fileId, preview: p.url })), followUpDays: '14',
    planned: v.state === 'planned', correction: '',
  }
}

export function useVisitForm(initial: VisitForm) {
  const [form, setForm] = useState(initial)
  const set = <K extends keyof VisitForm>(key: K, value: VisitForm[K]) => setForm((f) => ({ ...f, [key]: value }))
  return { form, set, setForm }
}

/** The shared part of record / correct input. */
export function visitInput(f: VisitForm) {
  return {
    recipient: f.recipientKind === '会员' ? { kind: 'member' as const, memberId: f.person?.id ?? '' } : { kind: 'other' as const, name: f.otherName, relation: f.relation },
    reason: f.reason, visitDate: f.visitDate, visitorIds: f.visitorIds, cashYuan: f.cashYuan.trim() || '0',
    gifts: f.gifts.filter((g) => g.name.trim() || g.valueYuan.trim()), fund: f.fund, notes: f.notes, photos: f.photos.map((p) => p.fileId),
    ...(f.reason === '生病住院' && /^\d+$/.test(f.followUpDays) ? { followUpDays: Number(f.followUpDays) } : {}),
  }
}

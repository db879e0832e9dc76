import { useEffect, useState } from 'react'
import type { MeetingType, MeetingView } from '../../../../../types/plan'
import { todayShanghai } from '@/utils/time'

export interface Decision { text: string; ownerId: string; due: string }
export interface MeetingForm {
  type: MeetingType
  date: string
  place: string
  attendeeIds: string[]
  absentIds: string[]
  absentReason: string
  agenda: string
  minutes: string
  decisions: Decision[]
  /** staged uploads and the sealed files the meeting holds */
  files: Array<{ fileId: string; name: string; size: number }>
}

/** The meeting form: empty for a new record, the meeting's own once loaded. Agenda is one item a line. */
export function useMeetingForm(m: MeetingView | undefined) {
  const [form, setForm] = useState<MeetingForm>({ type: '工会委员会议', date: todayShanghai(), place: '', attendeeIds: [], absentIds: [], absentReason: '', agenda: '', minutes: '', decisions: [], files: [] })
  useEffect(() => {
    if (m) {
      setForm({
        type: m.type, date: m.date, place: m.place, attendeeIds: m.attendees.map((a) => a.memberId), absentIds: m.absent.map((a) => a.memberId),
        absentReason: m.absent[0]?.reason ?? '', agenda: m.agenda.join('\n'), minutes: m.minutes, decisions: m.decisions.map((d) => ({ text: d.text, ownerId: d.ownerId, due: d.due })),
        files: m.files.map((f) => ({ fileId: f.fileId, name: f.name, size: f.size })),
      })
    }
  }, [m?.id, m?.revision])
  const set = <K extends keyof MeetingForm>(key: K, value: MeetingForm[K]) => setForm((f) => ({ ...f, [key]: value }))
  /** present → absent → neither, one tap each */
  const toggle = (id: string) => setForm((f) => (f.attendeeIds.includes(id)
    ? { ...f, attendeeIds: f.attendeeIds.filter((x) => x !== id), absentIds: [...f.absentIds, id] }
    : f.absentIds.includes(id) ? { ...f, absentIds: f.absentIds.filter((x) => x !== id) } : { ...f, attendeeIds: [...f.attendeeIds, id] }))
  const input = () => ({
    type: form.type, date: form.date, place: form.place, attendeeIds: form.attendeeIds, absent: form.absentIds.map((memberId) => ({ memberId, reason: form.absentReason || '请假' })),
    agenda: form.agenda.split('\n').map((s) => s.trim()).filter(Boolean), minutes: form.minutes, decisions: form.decisions, files: form.files,
  })
  return { form, set, toggle, input }
}

import type { ActivityAudience, ActivityEditable, ActivityFieldDef, CancelPolicy } from '../../../../../types/activity'

/** The edit form as people fill it: Shanghai dates and times as text, numbers as typed. */
export interface ActivityForm {
  title: string
  category: ActivityEditable['category']
  description: string
  place: string
  startDate: string
  startTime: string
  endDate: string
  endTime: string
  signupStartDate: string
  signupStartTime: string
  signupEndDate: string
  signupEndTime: string
  capacity: string
  waitlist: boolean
  audienceKind: ActivityAudience['kind']
  departments: string
  fields: Array<ActivityFieldDef & { optionsText: string }>
  guestsAllowed: boolean
  guestsMax: string
  guestsCount: boolean
  cancelPolicy: CancelPolicy
  frequencyOn: boolean
  frequencyKey: string
  frequencyYears: string
  needsApproval: boolean
  coverFileId?: string
}

const pad = (n: number) => String(n).padStart(2, '0')
/** Shanghai wall-clock parts of an instant (fixed +08:00, as utils/time). */
function parts(ms: number): { date: string; time: string } {
  const d = new Date(ms + 8 * 3600_000)
  return { date: `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`, time: `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}` }
}

export function toInstant(date: string, time: string): string {
  return new Date(`${date}T${time}:00+08:00`).toISOString()
}

/** What a plan item hands the new-activity form: its work as the title, its day when it has one. */
export interface ActivityPrefill {
  title?: string
  /** `YYYY-MM-DD`; used only when it is at least two days ahead (sign-up needs the day before) */
  date?: string
}

/**
 * A new activity starts where most do: a week from today at 14:00 (Shanghai) for two hours, sign-up
 * open from now until 18:00 the day before — never 00:00, never closing tonight. Started from a plan
 * item, it takes the item's title and day.
 */
export function blankForm(now = Date.now(), prefill: ActivityPrefill = {}): ActivityForm {
  const day = 86400_000
  const today = parts(now).date
  const at = (date: string, time: string) => Date.parse(`${date}T${time}:00+08:00`)
  const planned = prefill.date && /^\d{4}-\d{2}-\d{2}$/.test(prefill.date) && at(prefill.date, '12:00') >= at(today, '12:00') + 2 * day ? prefill.date : null
  const startDay = planned ?? parts(at(today, '12:00') + 7 * day).date
  const s = { date: startDay, time: '14:00' }
  const e = { date: startDay, time: '16:00' }
  const ss = parts(Math.floor(now / (5 * 60_000)) * 5 * 60_000)
  const se = { date: parts(at(startDay, '12:00') - day).date, time: '18:00' }
  return {
    title: (prefill.title ?? '').slice(0, 60), category: '文体', description: '', place: '',
    startDate: s.date, startTime: s.time, endDate: e.date, endTime: e.time,
    signupStartDate: ss.date, signupStartTime: ss.time, signupEndDate: se.date, signupEndTime: se.time,
    capacity: '0', waitlist: true, audienceKind: 'all', departments: '', fields: [],
    guestsAllowed: false, guestsMax: '1', guestsCount: false, cancelPolicy: 'untilStart',
    frequencyOn: false, frequencyKey: '', frequencyYears: '3', needsApproval: false,
  }
}

export function formOf(a: ActivityEditable): ActivityForm {
  const at = (iso: string) => parts(Date.parse(iso))
  return {
    title: a.title, category: a.category, description: a.description, place: a.place,
    startDate: at(a.startAt).date, startTime: at(a.startAt).time, endDate: at(a.endAt).date, endTime: at(a.endAt).time,
    signupStartDate: at(a.signupStartAt).date, signupStartTime: at(a.signupStartAt).time,
    signupEndDate: at(a.signupEndAt).date, signupEndTime: at(a.signupEndAt).time,
    capacity: String(a.capacity), waitlist: a.waitlist, audienceKind: a.audience.kind, departments: (a.audience.departments ?? []).join('、'),
    fields: a.fields.map((f) => ({ ...f, optionsText: (f.options ?? []).join('、') })),
    guestsAllowed: !!a.guests, guestsMax: String(a.guests?.max ?? 1), guestsCount: a.guests?.countsTowardCapacity ?? false,
    cancelPolicy: a.cancelPolicy, frequencyOn: !!a.frequency, frequencyKey: a.frequency?.key ?? '', frequencyYears: String(a.frequency?.years ?? 3),
    needsApproval: a.needsApproval,
    ...(a.coverFileId ? { coverFileId: a.coverFileId } : {}),
  }
}

const list = (text: string) => text.split(/[、,，;；\s]+/).map((s) => s.trim()).filter(Boolean)
const int = (text: string) => (/^\d+$/.test(text.trim()) ? Number(text.trim()) : NaN)

/** The function's input; anything malformed is left for the function to refuse with its own message. */
export function toEditable(f: ActivityForm): ActivityEditable {
  return {
    title: f.title, category: f.category, description: f.description, place: f.place,
    startAt: toInstant(f.startDate, f.startTime), endAt: toInstant(f.endDate, f.endTime),
    signupStartAt: toInstant(f.signupStartDate, f.signupStartTime), signupEndAt: toInstant(f.signupEndDate, f.signupEndTime),
    capacity: int(f.capacity), waitlist: f.waitlist,
    audience: f.audienceKind === 'departments' ? { kind: 'departments', departments: list(f.departments) } : { kind: f.audienceKind },
    fields: f.fields.map(({ optionsText, ...field }) => (field.type === 'single' || field.type === 'multi' ? { ...field, options: list(optionsText) } : { key: field.key, label: field.label, type: field.type, required: field.required })),
    ...(f.guestsAllowed ? { guests: { max: int(f.guestsMax), countsTowardCapacity: f.guestsCount } } : {}),
    cancelPolicy: f.cancelPolicy,
    ...(f.frequencyOn ? { frequency: { key: f.frequencyKey.trim(), years: int(f.frequencyYears) } } : {}),
    needsApproval: f.needsApproval,
    ...(f.coverFileId ? { coverFileId: f.coverFileId } : {}),
  }
}

/**
 * The checks a sign-up or a cancellation must pass, as pure functions of the activity, the
 * member and the clock. Each refusal has its own Chinese message (tests assert them) and is
 * raised before anything is written.
 */
import type { Answers } from '../../types/activity'
import type { RegistrationState } from '../../types/activity'
import type { ActivityDoc, ActivityField, MemberDoc } from '../_shared/documents'
import { AppError } from '../_shared/errors'
import { formatShanghai } from '../_shared/time'

const refuse = (message: string) => new AppError('CONFLICT', message)

export const MESSAGES = {
  draft: '这个活动还没有发布，暂时不能报名。',
  cancelled: '这个活动已经取消了。',
  finished: '这个活动已经结束了。',
  notOpenYet: (at: Date) => `报名还没有开始，${formatShanghai(at)} 开始报名。`,
  closed: '报名已经截止了。',
  audience: {
    在职: '这个活动只面向在职教职工。',
    离退休: '这个活动只面向离退休教职工。',
    female: '这个活动只面向女教职工。',
    departments: (names: string[]) => `这个活动只面向${names.join('、')}的教职工。`,
  },
  frequency: (years: number, title: string) => `同类活动每 ${years} 年只能参加一次，您已参加过“${title}”。`,
  full: '名额已满，这个活动不设候补。',
  rejected: '您的报名未通过审核，不能再次报名；如有疑问请联系组织者。',
  rejectedFor: (name: string) => `${name} 的报名未通过审核，不能再次报名。`,
  editClosed: '报名已经截止，报名信息不能再修改；如需调整，请联系组织者。',
  guestsNotAllowed: '这个活动不能携带家属。',
  tooManyGuests: (max: number) => `每位会员最多携带 ${max} 位家属。`,
  policyNever: '这个活动报名后不能取消；如有特殊情况，请联系组织者。',
  policyUntilSignupEnd: '报名已经截止，按活动规定不能再取消；如有特殊情况，请联系组织者。',
  policyUntilStart: '活动已经开始，不能再取消报名。',
}

/** Published and inside the sign-up window (start included, end excluded). */
export function checkOpen(a: ActivityDoc, now: Date): void {
  if (a.state === 'draft') throw refuse(MESSAGES.draft)
  if (a.state === 'cancelled') throw refuse(MESSAGES.cancelled)
  if (a.state === 'finished') throw refuse(MESSAGES.finished)
  if (now.getTime() < a.signupStartAt.getTime()) throw refuse(MESSAGES.notOpenYet(a.signupStartAt))
  if (now.getTime() >= a.signupEndAt.getTime()) throw refuse(MESSAGES.closed)
}

export function checkAudience(a: ActivityDoc, m: MemberDoc): void {
  const { kind, departments = [] } = a.audience
  if (kind === '在职' && m.status !== '在职') throw refuse(MESSAGES.audience.在职)
  if (kind === '离退休' && m.status !== '离退休') throw refuse(MESSAGES.audience.离退休)
  if (kind === 'female' && m.gender !== '女') throw refuse(MESSAGES.audience.female)
  if (kind === 'departments' && !departments.includes(m.department)) throw refuse(MESSAGES.audience.departments(departments))
}

/** Years back from this activity's start in which the same series must not appear. */
export function frequencyWindowStart(a: ActivityDoc): Date | null {
  if (!a.frequency) return null
  const d = new Date(a.startAt)
  d.setUTCFullYear(d.getUTCFullYear() - a.frequency.years)
  return d
}

/** `earlier` are the member's holding registrations (confirmed/pending) in the same series. */
export function checkFrequency(a: ActivityDoc, earlier: Array<{ activityId: string; activityStartAt?: Date; title?: string }>): void {
  const from = frequencyWindowStart(a)
  const rule = a.frequency
  if (!from || !rule) return
  const clash = earlier.find((r) => r.activityId !== a._id && r.activityStartAt && r.activityStartAt.getTime() > from.getTime()
    && r.activityStartAt.getTime() < a.startAt.getTime() + rule.years * 365.25 * 86400_000)
  if (clash) throw refuse(MESSAGES.frequency(rule.years, clash.title ?? '同类活动'))
}

export function checkGuests(a: ActivityDoc, guests: number): void {
  if (guests === 0) return
  if (!a.guests) throw badInput(MESSAGES.guestsNotAllowed)
  if (guests > a.guests.max) throw badInput(MESSAGES.tooManyGuests(a.guests.max))
}

/** Places a registration takes: the member, plus guests when the organiser says they count. */
export function seatsFor(a: Pick<ActivityDoc, 'guests'>, guests: number): number {
  return 1 + (a.guests?.countsTowardCapacity ? guests : 0)
}

function badInput(message: string): AppError {
  return new AppError('BAD_INPUT', message)
}

/**
 * Answers checked against the activity's own field definitions: required ones present, each of
 * its type, choices among the options, nothing the form did not ask. Returns the cleaned answers.
 */
export function validateAnswers(fields: ActivityField[], answers: Answers): Answers {
  const known = new Set(fields.map((f) => f.key))
  for (const key of Object.keys(answers)) if (!known.has(key)) throw badInput('提交了报名表里没有的项目，请刷新后重新填写。')
  const out: Answers = {}
  for (const f of fields) {
    const v = answers[f.key]
    const empty = v === undefined || v === '' || (Array.isArray(v) && v.length === 0)
    if (empty) {
      if (f.required) throw badInput(`请填写“${f.label}”。`)
      continue
    }
    out[f.key] = checkValue(f, v)
  }
  return out
}

function checkValue(f: ActivityField, v: string | number | string[]): string | number | string[] {
  const options = f.options ?? []
  switch (f.type) {
    case 'text': {
      if (typeof v !== 'string') throw badInput(`“${f.label}”应填写文字。`)
      const text = v.trim()
      if (text.length > 200) throw badInput(`“${f.label}”最多 200 个字。`)
      if (!text && f.required) throw badInput(`请填写“${f.label}”。`)
      return text
    }
    case 'number': {
      const n = typeof v === 'number' ? v : typeof v === 'string' && /^-?\d+(\.\d+)?$/.test(v.trim()) ? Number(v) : NaN
      if (!Number.isFinite(n)) throw badInput(`“${f.label}”应填写数字。`)
      if (n < 0 || n > 100000) throw badInput(`“${f.label}”应在 0 到 100000 之间。`)
      return n
    }
    case 'single':
      if (typeof v !== 'string' || !options.includes(v)) throw badInput(`“${f.label}”请从给出的选项中选择一项。`)
      return v
    case 'multi': {
      if (!Array.isArray(v) || v.some((x) => !options.includes(x))) throw badInput(`“${f.label}”请从给出的选项中选择。`)
      return [...new Set(v)]
    }
  }
}

/** Whether the member may still cancel now; waitlisted members may always leave before the start. */
export function cancelRefusal(a: ActivityDoc, state: RegistrationState, now: Date): string | null {
  const t = now.getTime()
  if (a.state !== 'published') return a.state === 'cancelled' ? MESSAGES.cancelled : a.state === 'finished' ? MESSAGES.finished : MESSAGES.draft
  if (t >= a.startAt.getTime()) return MESSAGES.policyUntilStart
  if (state === 'waitlisted') return null
  if (a.cancelPolicy === 'never') return MESSAGES.policyNever
  if (a.cancelPolicy === 'untilSignupEnd' && t >= a.signupEndAt.getTime()) return MESSAGES.policyUntilSignupEnd
  return null
}

/** Inside the sign-up window of a published activity (the window 代报名 shares with members). */
export function signupWindowOpen(a: ActivityDoc, now: Date): boolean {
  return a.state === 'published' && now.getTime() >= a.signupStartAt.getTime() && now.getTime() < a.signupEndAt.getTime()
}

/** Answers may be corrected while sign-up is open (the place is kept). */
export function editRefusal(a: ActivityDoc, now: Date): string | null {
  if (a.state !== 'published') return a.state === 'cancelled' ? MESSAGES.cancelled : a.state === 'finished' ? MESSAGES.finished : MESSAGES.draft
  if (now.getTime() >= a.signupEndAt.getTime()) return MESSAGES.editClosed
  return null
}

/** Activities are planned from 2000 to five years ahead (a typo in the year is caught, not stored). */
const EARLIEST = Date.UTC(2000, 0, 1)
const YEARS_AHEAD = 5

/** Organiser input that is well-formed but does not make sense together. */
export function checkEditable(e: { startAt: Date; endAt: Date; signupStartAt: Date; signupEndAt: Date; fields: ActivityField[]; audience: ActivityDoc['audience'] }, now: Date): void {
  const latest = new Date(now)
  latest.setUTCFullYear(latest.getUTCFullYear() + YEARS_AHEAD)
  for (const t of [e.startAt, e.endAt, e.signupStartAt, e.signupEndAt]) {
    if (t.getTime() < EARLIEST || t.getTime() > latest.getTime()) throw badInput(`活动和报名时间应在 2000 年到 ${YEARS_AHEAD} 年以后之间，请检查年份。`)
  }
  if (e.endAt.getTime() <= e.startAt.getTime()) throw badInput('结束时间要晚于开始时间。')
  if (e.signupEndAt.getTime() <= e.signupStartAt.getTime()) throw badInput('报名截止时间要晚于报名开始时间。')
  if (e.signupEndAt.getTime() > e.startAt.getTime()) throw badInput('报名应在活动开始前截止。')
  const keys = new Set<string>()
  for (const f of e.fields) {
    if (keys.has(f.key)) throw badInput(`报名表里有重复的项目：${f.label}。`)
    keys.add(f.key)
    if ((f.type === 'single' || f.type === 'multi') && (f.options ?? []).length < 2) throw badInput(`“${f.label}”至少要有两个选项。`)
  }
  if (e.audience.kind === 'departments' && !(e.audience.departments ?? []).length) throw badInput('请至少选择一个部门。')
}

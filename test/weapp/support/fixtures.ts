/**
 * Canned cloud answers for page tests. Every fixture here passes the types/ schema the app parses
 * it with (checked when this file loads), and `checked()` lets a test do the same for its own:
 * a wrong fixture fails at its definition with the schema's words instead of as an error state.
 */
import * as z from 'zod/mini'
import type { ErrorCode } from '../../../types/result'
import { memberMeOutput, type MemberMeOutput } from '../../../types/member'
import { welfareTodoOutput } from '../../../types/welfare'
import { opinionPublicStatsOutput } from '../../../types/opinion'
import { ok, type CloudAnswer } from './load-page'

/** Parses `value` with `schema`; throws naming the fields that do not match. */
export function checked<S extends z.ZodMiniType>(schema: S, value: z.input<S>, what = 'fixture'): z.output<S> {
  const parsed = schema.safeParse(value)
  if (!parsed.success) {
    const issues = parsed.error.issues.slice(0, 5).map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`)
    throw new Error(`${what} does not match its types/ schema:\n  ${issues.join('\n  ')}`)
  }
  return parsed.data
}

/** A 32-hex id like the ones the functions create (`createdId`, `add`), stable per label. */
export function hexId(label: string): string {
  let h = 0x811c9dc5
  let out = ''
  for (let round = 0; out.length < 32; round++) {
    for (const ch of `${label}#${round}`) h = Math.imul(h ^ ch.charCodeAt(0), 0x01000193) >>> 0
    out += h.toString(16).padStart(8, '0')
  }
  return out.slice(0, 32)
}

const member = (name: string, department: string, status: '在职' | '离退休', roleLabel: string) => ({ id: hexId(name), name, department, status, roleLabel })

/** member.me as each kind of caller: the role gates every page reads. */
export const people = {
  visitor: { role: 'visitor', member: null },
  applicant: { role: 'applicant', member: null },
  /** a visitor whose membership was removed: pages explain why */
  removed: { role: 'visitor', member: null, application: { state: 'removed' } },
  member: { role: 'member', member: { ...member('王芳', '语文组', '在职', '会员'), id: 'm1' } },
  retiree: { role: 'member', member: member('陈桂兰', '退休教师', '离退休', '会员') },
  committee: { role: 'committee', member: { ...member('李建国', '数学组', '在职', '委员'), id: 'm2' } },
  chair: { role: 'chair', member: member('王建华', '校办', '在职', '主席') },
} satisfies Record<string, MemberMeOutput>
for (const [who, me] of Object.entries(people)) checked(memberMeOutput, me, `people.${who}`)

export type Person = keyof typeof people

/** An empty first page of any list. */
const empty = { items: [], page: 1, total: 0 }

/** A first page holding `items`. */
export const page = <T>(items: T[], total = items.length) => ({ items, page: 1, total })

/** Answers for actions that are not lists, so a page that calls them renders without a fixture. */
export const defaults: Record<string, unknown> = {
  'welfare.todo': checked(welfareTodoOutput, { today: '2026-11-22', birthdaysWeek: [], birthdaysMonth: [], followUps: [], plans: [], count: 0 }, 'welfare.todo'),
  'opinion.publicStats': checked(opinionPublicStatsOutput, { year: 2026, total: 0, byCategory: [], byMonth: [], monthsMerged: false, replyRate: null, medianDaysToReply: null, satisfiedShare: null }, 'opinion.publicStats'),
}

/** The envelope of a refused call, e.g. `refused('FORBIDDEN', '只有委员可以查看')`. */
export const refused = (code: ErrorCode, message: string) => ({ ok: false, code, message })

/**
 * Answers member.me as `who` and every `fn.action` from `answers` (a value, or a function of the
 * call's data); actions not listed get `defaults` or an empty first page.
 */
export function cloud(who: Person, answers: Record<string, unknown> = {}): CloudAnswer {
  return (name, data) => {
    if (name === 'member' && data.action === 'me') return ok(people[who])
    const key = `${name}.${String(data.action)}`
    const value = key in answers ? answers[key] : key in defaults ? defaults[key] : empty
    const answer = typeof value === 'function' ? value(data) : value
    return answer && typeof answer === 'object' && 'ok' in answer && (answer as { ok: unknown }).ok === false ? answer : ok(answer)
  }
}

export const calls = (mock: jest.Mock, fn: string) => mock.mock.calls.map((c) => c[0]).filter((c) => `${c.name}.${c.data.action}` === fn)

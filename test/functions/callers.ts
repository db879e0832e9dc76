/**
 * Every kind of caller the authorization matrix knows, as openids in a seeded environment.
 * The seed holds each of them: chair, committee, 在职 and 离退休 members, one pending applicant,
 * one removed member; the visitor persona has no member record at all. The 教代会 roles are per
 * session or per case, held by plain members (emulator/seed/congress.ts CONGRESS_PEOPLE): a 代表
 * (`delegate`), a 列席 (`observer`), a 提案工作委员会 member (`proposalCommittee`), the 承办人 of
 * one case (`handler`) and its 协办人 (`coHandler`). Of the other kinds, `member` (张明), `committee` (李晓梅) and `chair` are
 * 代表 too, and 李晓梅 a 提案委员; `retired` (陈桂兰) holds no congress role.
 */
import { CONGRESS_PEOPLE } from '../../emulator/seed/congress'
import { buildDemoData } from '../../emulator/seed/demo-data'
import { persona } from '../../emulator/seed/personas'
import { SEED_NOW } from './helpers'

export const callerKinds = ['visitor', 'applicant', 'member', 'retired', 'committee', 'chair', 'removed', 'delegate', 'observer', 'proposalCommittee', 'handler', 'coHandler'] as const
export type CallerKind = (typeof callerKinds)[number]

/** Shorthands for rows: who is allowed. */
export const EVERYONE: CallerKind[] = [...callerKinds]
/** every approved member, whatever congress role they hold */
export const MEMBERS: CallerKind[] = ['member', 'retired', 'committee', 'chair', 'delegate', 'observer', 'proposalCommittee', 'handler', 'coHandler']
export const COMMITTEE: CallerKind[] = ['committee', 'chair']
export const CHAIR: CallerKind[] = ['chair']
/** active 代表 of the demo 教代会 session */
export const DELEGATES: CallerKind[] = ['member', 'committee', 'chair', 'delegate']
/** the demo session's 提案工作委员会, and the chair (always) */
export const PROPOSAL_COMMITTEE: CallerKind[] = ['committee', 'chair', 'proposalCommittee']

export function callerOpenids(): Record<CallerKind, string> {
  const members = buildDemoData(SEED_NOW).members
  const one = (pred: (m: (typeof members)[number]) => boolean, what: string) => {
    const m = members.find(pred)
    if (!m) throw new Error(`seed has no ${what}`)
    return m.openid
  }
  return {
    visitor: persona('visitor').openid,
    applicant: one((m) => m.membership === 'pending', 'pending applicant'),
    member: persona('staff').openid,
    retired: persona('retiree').openid,
    committee: persona('committee').openid,
    chair: persona('chair').openid,
    removed: one((m) => m.membership === 'removed', 'removed member'),
    delegate: one((m) => m._id === CONGRESS_PEOPLE.delegate, '代表'),
    observer: one((m) => m._id === CONGRESS_PEOPLE.observer, '列席'),
    proposalCommittee: one((m) => m._id === CONGRESS_PEOPLE.proposalCommittee, '提案委员'),
    handler: one((m) => m._id === CONGRESS_PEOPLE.handler, '承办人'),
    coHandler: one((m) => m._id === CONGRESS_PEOPLE.coHandler, '协办人'),
  }
}

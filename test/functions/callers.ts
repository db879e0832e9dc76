/**
 * Every kind of caller the authorization matrix knows, as openids in a seeded environment.
 * The seed holds each of them: chair, committee, 在职 and 离退休 members, one pending applicant,
 * one removed member; the visitor persona has no member record at all.
 */
import { buildDemoData } from '../../emulator/seed/demo-data'
import { persona } from '../../emulator/seed/personas'
import { SEED_NOW } from './helpers'

export const callerKinds = ['visitor', 'applicant', 'member', 'retired', 'committee', 'chair', 'removed'] as const
export type CallerKind = (typeof callerKinds)[number]

/** Shorthands for rows: who is allowed. */
export const EVERYONE: CallerKind[] = [...callerKinds]
export const MEMBERS: CallerKind[] = ['member', 'retired', 'committee', 'chair']
export const COMMITTEE: CallerKind[] = ['committee', 'chair']
export const CHAIR: CallerKind[] = ['chair']

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
  }
}

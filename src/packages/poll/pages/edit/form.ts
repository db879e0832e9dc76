import { defaultQuorum, type Electorate, type Majority, type PollConsole, type PollKind, type PollSaveInput, type RuleBase } from '../../../../../types/poll'
import type { ItemRow } from '../../components/ItemsEditor'

/** The draft form as people fill it: the end as a Shanghai date and time, numbers as typed. */
export interface PollForm {
  kind: PollKind
  title: string
  description: string
  closesDate: string
  closesTime: string
  items: ItemRow[]
  electorate: Electorate
  quorum: Majority
  allowUnknown: boolean
  criteria: boolean
  comments: boolean
  seats: string
  ruleBase: RuleBase
  ruleMajority: Majority
}

const pad = (n: number) => String(n).padStart(2, '0')
function shanghaiParts(ms: number): { date: string; time: string } {
  const d = new Date(ms + 8 * 3600_000)
  return { date: `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`, time: `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}` }
}

/** A new draft of `kind`: three days to vote, ending at 18:00. */
export function blankForm(kind: PollKind, now = Date.now()): PollForm {
  const end = shanghaiParts(now + 3 * 86_400_000)
  return {
    kind, title: '', description: '', closesDate: end.date, closesTime: '18:00', items: [{ name: '', note: '' }, { name: '', note: '' }],
    electorate: { kind: 'all', departments: [], memberIds: [] }, quorum: 'half', allowUnknown: true, criteria: false, comments: true,
    seats: '1', ruleBase: 'ballots', ruleMajority: 'half',
  }
}

export function formOf(p: PollConsole): PollForm {
  const end = shanghaiParts(Date.parse(p.closesAt))
  return {
    kind: p.kind, title: p.title, description: p.description, closesDate: end.date, closesTime: end.time,
    items: p.items.map((it) => ({ name: it.name, note: it.note })), electorate: p.electorateSetting, quorum: p.quorum,
    allowUnknown: p.allowUnknown, criteria: p.criteria, comments: p.comments, seats: String(p.seats), ruleBase: p.rule.base, ruleMajority: p.rule.majority,
  }
}

/** The form → poll.save input (create: requestId; edit: id + revision). */
export function saveInput(f: PollForm, target: { requestId: string } | { id: string; revision: number }): PollSaveInput {
  return {
    ...target, kind: f.kind, title: f.title, description: f.description, closesAt: new Date(`${f.closesDate}T${f.closesTime}:00+08:00`).toISOString(),
    items: f.items.filter((it) => it.name.trim() || it.note.trim()), electorate: f.electorate, quorum: f.quorum,
    allowUnknown: f.allowUnknown, criteria: f.criteria, comments: f.comments, seats: Number(f.seats) || 1, rule: { base: f.ruleBase, majority: f.ruleMajority },
  }
}

/** The quorum a form starts with when the electorate changes (2/3 for 教代会 代表). */
export const quorumFor = (e: Electorate) => defaultQuorum(e.kind)

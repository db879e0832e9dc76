/**
 * Who may vote. Resolved from the members collection (approved members only) when a poll
 * opens; from then on the frozen roster (poll_rosters) is the electorate — a member who joins,
 * leaves or moves department later changes nothing, and nobody can be added or swapped.
 */
import { electorateKindLabels, type Electorate } from '../../types/poll'
import type { Database } from '../_shared/context'
import { COLLECTIONS, MAX_QUERY, type MemberDoc } from '../_shared/documents'
import { AppError } from '../_shared/errors'
import { delegateMemberIds } from './electorate-delegates'
import { loadRoster, scanAll } from './store'

export type Voter = Pick<MemberDoc, '_id' | 'name' | 'department'>

const FIELDS = { name: true, department: true }

async function approvedAmong(db: Database, ids: string[]): Promise<Voter[]> {
  const _ = db.command
  const out: Voter[] = []
  const unique = [...new Set(ids)]
  for (let i = 0; i < unique.length; i += MAX_QUERY) {
    out.push(...(await scanAll<Voter>(db, COLLECTIONS.members, { membership: 'approved', _id: _.in(unique.slice(i, i + MAX_QUERY)) }, FIELDS)))
  }
  return out
}

/** The voters an electorate names today, sorted by member id. `parentId`: the round a run-off repeats. */
export async function resolveElectorate(db: Database, e: Electorate, parentId?: string): Promise<Voter[]> {
  const _ = db.command
  let voters: Voter[]
  switch (e.kind) {
    case 'all': voters = await scanAll<Voter>(db, COLLECTIONS.members, { membership: 'approved' }, FIELDS); break
    case 'active': voters = await scanAll<Voter>(db, COLLECTIONS.members, { membership: 'approved', status: '在职' }, FIELDS); break
    case 'departments': voters = await scanAll<Voter>(db, COLLECTIONS.members, { membership: 'approved', department: _.in(e.departments) }, FIELDS); break
    case 'members': voters = await approvedAmong(db, e.memberIds); break
    case 'delegates': voters = await approvedAmong(db, await delegateMemberIds(db, e.sessionId ?? '')); break
    case 'runoff': {
      const roster = parentId ? await loadRoster(db, parentId) : null
      if (!roster) throw new AppError('CONFLICT', '找不到上一轮的投票人名单')
      // The same people as the round before, whatever their membership is now: the electorate is frozen.
      voters = await scanByIds(db, roster.memberIds)
      break
    }
  }
  return voters.sort((a, b) => (a._id < b._id ? -1 : a._id > b._id ? 1 : 0))
}

async function scanByIds(db: Database, ids: string[]): Promise<Voter[]> {
  const _ = db.command
  const out: Voter[] = []
  for (let i = 0; i < ids.length; i += MAX_QUERY) out.push(...(await scanAll<Voter>(db, COLLECTIONS.members, { _id: _.in(ids.slice(i, i + MAX_QUERY)) }, FIELDS)))
  return out
}

export function electorateLabel(e: Electorate): string {
  if (e.kind === 'departments') return `${electorateKindLabels.departments}：${e.departments.join('、')}`
  return electorateKindLabels[e.kind]
}

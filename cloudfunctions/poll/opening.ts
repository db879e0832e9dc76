/**
 * Opening freezes the electorate. Resumable and idempotent, so a double tap, two chairs at once
 * or a function killed half-way all end in the same open poll:
 *  1. draft → opening, by one conditional update on the revision the chair confirmed;
 *  2. the roster (member ids + fingerprint + a random slot seed) is written once under the poll's
 *     id — whoever comes second reads the first one's roster, so the electorate is decided once;
 *  3. one elector row per member (`<pollId>_<memberId>`) and one empty ballot slot per member
 *     (ids derived from the seed) — both by primary key, so repeating a step adds nothing;
 *  4. opening → open with the roster's size and fingerprint, in one transaction with its audit entry.
 * Nothing in the slots says which member a slot will belong to: slot n is just the n-th of the batch.
 */
import { asWritten, auditedUpdate } from '../_shared/audit'
import type { Ctx, Database } from '../_shared/context'
import { isDuplicateKey } from '../_shared/create-once'
import { COLLECTIONS, MAX_QUERY, type MemberDoc } from '../_shared/documents'
import { AppError, staleRevision } from '../_shared/errors'
import { fingerprint, randomHex, slotId } from '../_shared/codes'
import type { BallotDoc, ElectorDoc, PollDoc, RosterDoc } from './documents'
import { resolveElectorate } from './electorate'
import { POLL_COLLECTIONS as C, existing, insertOnce, loadPoll, loadRoster, receiptId, scanAll } from './store'

/** Each step answers the poll as it wrote it, so the poll is read once (again only after a lost race). */
export async function openPoll(ctx: Ctx, id: string, revision: number): Promise<PollDoc> {
  let poll = await loadPoll(ctx.db, id)
  if (poll.state === 'draft') poll = await startOpening(ctx, poll, revision)
  if (poll.state !== 'opening') return poll // already open (a repeated tap) or beyond
  const roster = await freezeRoster(ctx, poll)
  await writeElectors(ctx, poll, roster)
  await writeSlots(ctx.db, poll, roster)
  return finishOpening(ctx, poll, roster)
}

/**
 * Step 1. The poll as the update wrote it; read again only when the update matched nothing — a
 * second tap, an edit or a discard got there first, and only the poll as it is now says which.
 */
async function startOpening(ctx: Ctx, poll: PollDoc, revision: number): Promise<PollDoc> {
  if (poll.revision !== revision) throw staleRevision()
  if (new Date(poll.closesAt).getTime() <= ctx.now.getTime()) throw new AppError('CONFLICT', '截止时间已经过了，请先修改截止时间再开始投票')
  const opening = { state: 'opening', updatedAt: ctx.now } as const
  const res = (await ctx.db.collection(C.polls).where({ _id: poll._id, state: 'draft', revision }).update({ data: opening })) as { stats: { updated: number } }
  if (res.stats.updated === 1) return { ...poll, ...opening }
  const now = await loadPoll(ctx.db, poll._id)
  if (now.state === 'draft') throw staleRevision()
  return now
}

/**
 * Step 4 and its audit entry together: a run killed before it leaves the poll opening, and the next
 * tap finishes it. Answers the poll as the transaction wrote it, or found it when a simultaneous tap
 * finished first.
 */
async function finishOpening(ctx: Ctx, poll: PollDoc, roster: RosterDoc): Promise<PollDoc> {
  const opened = { state: 'open', rosterSize: roster.memberIds.length, fingerprint: roster.fingerprint, openedAt: ctx.now, updatedAt: ctx.now } as const
  const result = await auditedUpdate<PollDoc>(ctx, C.polls, poll._id, (now) => (now?.state !== 'opening' ? null : {
    data: opened,
    entry: {
      action: 'poll.open', target: { kind: 'poll', id: poll._id, label: poll.title },
      before: { state: 'draft' }, after: { state: 'open', rosterSize: opened.rosterSize, fingerprint: opened.fingerprint },
    },
  }))
  return existing(asWritten(result, opened))
}

async function freezeRoster(ctx: Ctx, poll: PollDoc): Promise<RosterDoc> {
  const existing = await loadRoster(ctx.db, poll._id)
  if (existing) return existing
  const voters = await resolveElectorate(ctx.db, poll.electorate, poll.parentId)
  if (voters.length === 0) {
    // Nothing was frozen yet: back to draft, so the chair can fix the electorate.
    await ctx.db.collection(C.polls).where({ _id: poll._id, state: 'opening' }).update({ data: { state: 'draft', updatedAt: ctx.now } })
    throw new AppError('CONFLICT', '按这个范围没有找到任何会员，请修改投票人范围')
  }
  const memberIds = voters.map((v) => v._id)
  const roster: RosterDoc = { _id: poll._id, pollId: poll._id, memberIds, fingerprint: fingerprint(memberIds), slotSeed: randomHex() }
  try {
    await ctx.db.collection(C.rosters).add({ data: roster })
    return roster
  } catch (err) {
    if (!isDuplicateKey(err)) throw err
    return (await loadRoster(ctx.db, poll._id))!
  }
}

async function writeElectors(ctx: Ctx, poll: PollDoc, roster: RosterDoc): Promise<void> {
  const _ = ctx.db.command
  const names = new Map<string, Pick<MemberDoc, 'name' | 'department'>>()
  for (let i = 0; i < roster.memberIds.length; i += MAX_QUERY) {
    const found = await scanAll<MemberDoc>(ctx.db, COLLECTIONS.members, { _id: _.in(roster.memberIds.slice(i, i + MAX_QUERY)) }, { name: true, department: true })
    for (const m of found) names.set(m._id, m)
  }
  const openedAt = ctx.now
  const electors: ElectorDoc[] = roster.memberIds.map((memberId) => ({
    _id: receiptId(poll._id, memberId), pollId: poll._id, memberId,
    name: names.get(memberId)?.name ?? '（已不在会员名单）', department: names.get(memberId)?.department ?? '', voted: false, openedAt,
  }))
  await insertOnce(ctx.db, C.electors, electors)
}

async function writeSlots(db: Database, poll: PollDoc, roster: RosterDoc): Promise<void> {
  const slots: BallotDoc[] = roster.memberIds.map((_m, n) => ({ _id: slotId(roster.slotSeed, n), pollId: poll._id, round: poll.round, state: 'empty' }))
  await insertOnce(db, C.ballots, slots)
}

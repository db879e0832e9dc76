/**
 * Closing, then counting — the first moment any tally exists. Resumable like opening:
 *  1. open → closing (one conditional update): from now on no cast passes its open check;
 *  2. every still-empty slot is sealed in one update. A cast already inside its transaction
 *     either commits first (its slot is no longer empty, so it is counted) or meets the sealed
 *     slot as a write conflict, retries, and is refused — no ballot lands after the count;
 *  3. the cast ballots are read and counted once (tally.ts); the result is stored under the
 *     poll's id, and the comments of subjects with enough ballots are copied out in random order;
 *  4. closing → closed with the outcome (void below quorum), in one transaction with its audit entry
 *     (a run killed before it leaves the poll closing: the next tap finishes it);
 *  5. the 评议码 files are voided, then marked so. A run killed before the mark leaves it to the next
 *     tap of 结束 or to the poll timer (voidPendingSlipFiles), which overwrite them again — harmless.
 */
import crypto from 'node:crypto'
import { COMMENTS_MIN_BALLOTS } from '../../types/poll'
import { asWritten, auditedUpdate } from '../_shared/audit'
import type { Ctx } from '../_shared/context'
import { MAX_QUERY } from '../_shared/documents'
import { AppError } from '../_shared/errors'
import { docs } from '../_shared/query'
import type { BallotDoc, CommentDoc, PollDoc } from './documents'
import { VOID_TEXT } from './slips'
import { tally, type Tally } from './tally'
import { POLL_COLLECTIONS as C, existing, getDoc, insertOnce, loadPoll, receiptCount, scanAll } from './store'

export interface ResultsDoc extends Tally {
  _id: string
  pollId: string
  computedAt: Date
}

/** Each step answers the poll as it wrote it, so the poll is read once (again only after a lost race). */
export async function closePoll(ctx: Ctx, id: string): Promise<PollDoc> {
  let poll = await loadPoll(ctx.db, id)
  if (poll.state === 'open') poll = await startClosing(ctx, poll)
  if (poll.state === 'draft' || poll.state === 'opening') throw new AppError('CONFLICT', '投票还没有开始，不能结束')
  // Closed already (a repeated tap) or beyond: finish what a killed run may have left.
  if (poll.state !== 'closing') return withSlipFilesVoided(ctx, poll)
  await ctx.db.collection(C.ballots).where({ pollId: id, state: 'empty' }).update({ data: { state: 'sealed' } })
  const results = await count(ctx, poll)
  const outcome = results.quorumMet ? 'valid' : 'void'
  const closed = { state: 'closed', outcome, closedAt: ctx.now, updatedAt: ctx.now } as const
  const result = await auditedUpdate<PollDoc>(ctx, C.polls, id, (now) => (now?.state !== 'closing' ? null : {
    data: closed,
    entry: {
      action: 'poll.close', target: { kind: 'poll', id, label: poll.title },
      before: { state: 'open' }, after: { state: 'closed', outcome, rosterSize: results.rosterSize, receipts: results.receipts, ballots: results.ballots },
    },
  }))
  return withSlipFilesVoided(ctx, existing(asWritten(result, closed)))
}

/**
 * Step 1. The poll as the update wrote it; read again only when the update matched nothing — another
 * tap closed it first, and only the poll as it is now says how far that one got.
 */
async function startClosing(ctx: Ctx, poll: PollDoc): Promise<PollDoc> {
  const closing = { state: 'closing', updatedAt: ctx.now } as const
  const res = (await ctx.db.collection(C.polls).where({ _id: poll._id, state: 'open' }).update({ data: closing })) as { stats: { updated: number } }
  return res.stats.updated === 1 ? { ...poll, ...closing } : loadPoll(ctx.db, poll._id)
}

async function count(ctx: Ctx, poll: PollDoc): Promise<ResultsDoc> {
  const stored = await getDoc<ResultsDoc>(ctx.db, C.results, poll._id)
  if (stored) return stored
  const ballots = await scanAll<BallotDoc>(ctx.db, C.ballots, { pollId: poll._id, state: 'cast' }, { choices: true })
  const t = tally(poll, poll.rosterSize ?? 0, await receiptCount(ctx.db, poll._id), ballots.map((b) => b.choices ?? {}))
  if (poll.kind === 'appraisal' && poll.comments) await copyComments(ctx, poll, ballots, t)
  const doc: Omit<ResultsDoc, '_id'> = { pollId: poll._id, ...t, computedAt: ctx.now }
  await ctx.db.collection(C.results).doc(poll._id).set({ data: doc })
  return { _id: poll._id, ...doc }
}

/**
 * Comments of subjects graded on at least COMMENTS_MIN_BALLOTS ballots, in the ballots' (random)
 * order; each comment's id is a hash of its ballot and subject, so a retried close adds nothing.
 */
async function copyComments(ctx: Ctx, poll: PollDoc, ballots: BallotDoc[], t: Tally): Promise<void> {
  const shown = new Set(t.appraisal!.filter((row) => row.graded >= COMMENTS_MIN_BALLOTS).map((row) => row.itemId))
  const docs: CommentDoc[] = []
  for (const b of ballots) {
    poll.items.forEach((item, i) => {
      const text = b.choices?.comments?.[i]
      if (!text || !shown.has(item.id)) return
      const _id = crypto.createHash('sha256').update(`${b._id}\u0000${item.id}`).digest('hex').slice(0, 32)
      docs.push({ _id, pollId: poll._id, itemId: item.id, text })
    })
  }
  await insertOnce(ctx.db, C.comments, docs)
}

/**
 * The printed codes are worthless once the poll is closed; their files are overwritten so nobody reads
 * them again, then the poll is marked. Answers whether there was anything to do.
 */
async function voidSlipFiles(ctx: Ctx, poll: PollDoc): Promise<boolean> {
  if (poll.state === 'open' || poll.state === 'closing' || poll.slipFilesVoided || !poll.slipFiles?.length) return false
  for (const path of poll.slipFiles) await ctx.services.upload(path, Buffer.from(VOID_TEXT))
  await ctx.db.collection(C.polls).doc(poll._id).update({ data: { slipFilesVoided: true } })
  return true
}

/** The closed poll after `voidSlipFiles`, as it wrote it. The poll is closed whatever happens to its files: a failed overwrite is left to the timer. */
async function withSlipFilesVoided(ctx: Ctx, poll: PollDoc): Promise<PollDoc> {
  return (await voidSlipFiles(ctx, poll).catch(() => false)) ? { ...poll, slipFilesVoided: true } : poll
}

/** Timer: closed polls whose slip files a killed run left readable. */
export async function voidPendingSlipFiles(ctx: Ctx): Promise<number> {
  const _ = ctx.db.command
  const pending = await docs<PollDoc>(ctx.db.collection(C.polls)
    .where({ state: _.in(['closed', 'publishing', 'published']), slipsPrinted: _.gt(0), slipFilesVoided: _.neq(true) }).limit(MAX_QUERY))
  let voided = 0
  for (const p of pending) if (await voidSlipFiles(ctx, p).catch(() => false)) voided++
  return voided
}

/**
 * 评议码 slips for voters without a smartphone. A slip carries no name: the chair prints a batch
 * of random one-time codes (stored only as keyed hashes), and at the venue marks "发码给 <member>"
 * — which writes THAT MEMBER'S receipt (no phone vote afterwards) and raises `slipsIssued` in one
 * transaction, without recording which slip was handed over. A slip can cast a ballot only while
 * `slipsUsed < slipsIssued` (checked in the casting transaction), so ballots never exceed receipts
 * and receipts never exceed the frozen roster (one per elector, by primary key).
 */
import { recordAudit } from '../_shared/audit'
import type { Ctx } from '../_shared/context'
import { createdId, isDuplicateKey } from '../_shared/create-once'
import { AppError, notFound } from '../_shared/errors'
import { assertOpen, CAST_MESSAGES } from './cast'
import { newSlipCode, randomHex, slipKey } from '../_shared/codes'
import type { ElectorDoc, PollDoc, SlipBatchDoc, SlipDoc } from './documents'
import { POLL_COLLECTIONS as C, getDoc, inTransaction, loadElector, loadPoll, receiptId } from './store'

/** What a voided slip file says instead of its codes. */
export const VOID_TEXT = '投票已结束，评议码已作废。'

/** Slips a poll may have in all: enough for a whole venue, never unbounded. */
const MAX_SLIPS = 1000

export async function printSlips(ctx: Ctx, pollId: string, count: number, requestId: string): Promise<{ url: string; fileName: string; count: number }> {
  const poll = await loadPoll(ctx.db, pollId)
  if (!['draft', 'opening', 'open'].includes(poll.state)) throw new AppError('CONFLICT', '投票已经结束，不能再打印评议码')
  const limit = Math.min(MAX_SLIPS, poll.rosterSize ?? MAX_SLIPS)
  if (poll.slipsPrinted + count > limit) throw new AppError('BAD_INPUT', `评议码最多 ${limit} 张（已打印 ${poll.slipsPrinted} 张）`)
  const batchId = createdId(ctx.openid, 'poll.slips', requestId)
  const done = await getDoc<SlipBatchDoc>(ctx.db, C.slipBatches, batchId)
  if (done?.fileId) return { url: await urlOf(ctx, done.fileId), fileName: done.fileName!, count: done.count }
  if (!done) {
    try { await ctx.db.collection(C.slipBatches).add({ data: { _id: batchId, pollId, count } }) } catch (err) { if (!isDuplicateKey(err)) throw err }
  }
  const codes = new Set<string>()
  while (codes.size < count) codes.add(newSlipCode())
  const slips: SlipDoc[] = [...codes].map((code) => ({ _id: slipKey(ctx, pollId, code), pollId, used: false }))
  for (let i = 0; i < slips.length; i += 100) await ctx.db.collection(C.slips).add({ data: slips.slice(i, i + 100) })
  const { slipsDocument } = await import('./slips-docx')
  const fileName = `评议码-${poll.title}.docx`
  const cloudPath = `poll-slips/${randomHex()}.docx`
  const fileId = await ctx.services.upload(cloudPath, await slipsDocument(poll.title, [...codes]))
  const { file, won } = await recordPrinting(ctx, poll, batchId, count, { fileId, fileName, cloudPath })
  if (!won) {
    // A simultaneous retry of the same printing won: this attempt's codes and file are dead.
    const _ = ctx.db.command
    await ctx.db.collection(C.slips).where({ _id: _.in(slips.map((x) => x._id)) }).update({ data: { used: true } })
    await ctx.services.upload(cloudPath, Buffer.from(VOID_TEXT))
  }
  return { url: await urlOf(ctx, file.fileId), fileName: file.fileName, count }
}

type SlipFile = Required<Pick<SlipBatchDoc, 'fileId' | 'fileName'>>

/**
 * The batch's file, the poll's count of slips and the audit entry land together (or none: a retry
 * prints again). Answers the batch's file as the transaction wrote it — or, when a simultaneous retry
 * of the same printing wrote one first (`won` false), as the transaction found it: no read after.
 */
async function recordPrinting(
  ctx: Ctx, poll: PollDoc, batchId: string, count: number, mine: SlipFile & { cloudPath: string },
): Promise<{ file: SlipFile; won: boolean }> {
  const _ = ctx.db.command
  return inTransaction(ctx.db, async (t) => {
    const batch = await getDoc<SlipBatchDoc>(t, C.slipBatches, batchId)
    if (batch?.fileId) return { file: { fileId: batch.fileId, fileName: batch.fileName! }, won: false }
    await t.collection(C.slipBatches).doc(batchId).update({ data: { fileId: mine.fileId, fileName: mine.fileName } })
    await t.collection(C.polls).doc(poll._id).update({ data: { slipsPrinted: _.inc(count), slipFiles: _.push([mine.cloudPath]), updatedAt: ctx.now } })
    await recordAudit(t, ctx, { action: 'poll.printSlips', target: { kind: 'poll', id: poll._id, label: poll.title }, after: { count } })
    return { file: { fileId: mine.fileId, fileName: mine.fileName }, won: true }
  })
}

async function urlOf(ctx: Ctx, fileId: string): Promise<string> {
  const url = (await ctx.services.tempUrls([fileId]))[fileId]
  if (!url) throw new AppError('NOT_FOUND', '评议码文件已失效（投票结束后会删除）')
  return url
}

/** "发码给 <member>": the member's receipt and one more issued slip, together. */
export async function issueSlip(ctx: Ctx, pollId: string, memberId: string): Promise<{ issued: number; name: string }> {
  const poll = await loadPoll(ctx.db, pollId)
  assertOpen(poll, ctx.now)
  const elector = await loadElector(ctx.db, pollId, memberId)
  if (!elector) throw notFound('这位会员在本次投票名单中的记录')
  if (elector.voted) throw new AppError('CONFLICT', `${elector.name} 已经投过票或已领过评议码`)
  const id = receiptId(pollId, memberId)
  const issued = await inTransaction(ctx.db, async (t) => {
    const e = await getDoc<ElectorDoc>(t, C.electors, id)
    if (!e || e.voted) throw new AppError('CONFLICT', `${elector.name} 已经投过票或已领过评议码`)
    const p = await getDoc<PollDoc>(t, C.polls, pollId)
    if (!p || p.state !== 'open') throw new AppError('CONFLICT', CAST_MESSAGES.ended)
    if (p.slipsIssued >= p.slipsPrinted) throw new AppError('CONFLICT', '打印的评议码已经全部发出，请先再打印一些')
    try {
      await t.collection(C.receipts).add({ data: { _id: id, pollId, memberId } })
    } catch (err) {
      if (isDuplicateKey(err)) throw new AppError('CONFLICT', `${elector.name} 已经投过票或已领过评议码`)
      throw err
    }
    await t.collection(C.electors).doc(id).update({ data: { voted: true } })
    await t.collection(C.polls).doc(pollId).update({ data: { slipsIssued: p.slipsIssued + 1 } })
    await recordAudit(t, ctx, { action: 'poll.issueSlip', target: { kind: 'poll', id: pollId, label: poll.title }, after: { to: elector.name, memberId } })
    return p.slipsIssued + 1
  })
  return { issued, name: elector.name }
}

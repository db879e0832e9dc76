/**
 * Drafts: created once per form (requestId → derived `_id`, so a double tap or a retry makes
 * one poll), edited only as a draft and only against the revision the editor read (a stale
 * edit is refused, never merged), discarded but never deleted. Each change is written in one
 * transaction with its audit entry: both or neither.
 */
import { defaultQuorum, type PollEditable, type PollSave, type PollSavedOutput } from '../../types/poll'
import { auditedUpdate, recordAudit } from '../_shared/audit'
import { requireMember, type Ctx } from '../_shared/context'
import { createdId } from '../_shared/create-once'
import { AppError, notFound, staleRevision } from '../_shared/errors'
import type { PollDoc } from './documents'
import { checkEditable } from './rules'
import { POLL_COLLECTIONS as C, getDoc, inTransaction, loadPoll } from './store'

const NOT_DRAFT = '投票已经开始，不能再修改；如需调整请结束后重新发起'

function fields(input: PollEditable, items: PollDoc['items']) {
  return {
    title: input.title, kind: input.kind, description: input.description, items, closesAt: new Date(input.closesAt),
    electorate: input.electorate, quorum: input.quorum ?? defaultQuorum(input.electorate.kind),
    allowUnknown: input.allowUnknown, criteria: input.criteria, comments: input.comments,
    seats: input.kind === 'election' ? input.seats : 1, rule: input.rule,
  }
}

export async function saveDraft(ctx: Ctx, input: PollSave): Promise<PollSavedOutput> {
  if (input.id) return editDraft(ctx, input.id, input)
  if (!input.requestId) throw new AppError('BAD_INPUT', '请求编号缺失，请刷新页面后重试')
  const items = checkEditable(input, ctx.now)
  const id = createdId(ctx.openid, 'poll.create', input.requestId)
  const doc: PollDoc = {
    _id: id, ...fields(input, items), state: 'draft', revision: 1, round: 1,
    slipsPrinted: 0, slipsIssued: 0, slipsUsed: 0, slipFiles: [],
    createdBy: requireMember(ctx)._id, createdAt: ctx.now, updatedAt: ctx.now,
  }
  // read first in the transaction (a duplicate-key insert there would only be retried): a retry of the
  // same form finds its poll; two taps at once — one insert commits, the other run reads it
  const revision = await inTransaction(ctx.db, async (t) => {
    const first = await getDoc<PollDoc>(t, C.polls, id)
    if (first) return first.revision
    await t.collection(C.polls).add({ data: doc })
    await recordAudit(t, ctx, { action: 'poll.create', target: { kind: 'poll', id, label: doc.title }, after: { title: doc.title, kind: doc.kind, items: items.length } })
    return 1
  })
  return { id, revision }
}

async function editDraft(ctx: Ctx, id: string, input: PollSave): Promise<PollSavedOutput> {
  const before = await loadPoll(ctx.db, id)
  if (before.state !== 'draft') throw new AppError('CONFLICT', NOT_DRAFT)
  if (input.revision === undefined) throw new AppError('BAD_INPUT', '缺少版本号，请刷新后重试')
  // A run-off keeps its candidates, seats and electorate: they follow from the round before.
  const runoff = before.parentId !== undefined
  const edited = runoff ? { ...input, kind: before.kind, items: before.items, electorate: before.electorate, seats: before.seats } : input
  const items = runoff ? before.items : checkEditable(edited, ctx.now)
  const next = fields(edited, items)
  await auditedUpdate<PollDoc>(ctx, C.polls, id, (now) => {
    if (now?.state !== 'draft') throw new AppError('CONFLICT', NOT_DRAFT)
    if (now.revision !== input.revision) throw staleRevision()
    return {
      data: { ...next, revision: input.revision + 1, updatedAt: ctx.now },
      entry: { action: 'poll.edit', target: { kind: 'poll', id, label: next.title }, before: { title: now.title, revision: now.revision }, after: { title: next.title, revision: input.revision + 1 } },
    }
  })
  return { id, revision: input.revision + 1 }
}

/** A draft that will not be used: kept as `discarded`, out of every list. */
export async function discardDraft(ctx: Ctx, id: string, revision: number): Promise<{ id: string }> {
  await auditedUpdate<PollDoc>(ctx, C.polls, id, (now) => {
    if (!now || now.state === 'discarded') throw notFound('投票')
    if (now.state !== 'draft') throw new AppError('CONFLICT', '只能删除草稿')
    if (now.revision !== revision) throw staleRevision()
    return { data: { state: 'discarded', updatedAt: ctx.now }, entry: { action: 'poll.discard', target: { kind: 'poll', id, label: now.title }, before: { state: 'draft' }, after: { state: 'discarded' } } }
  })
  return { id }
}

/**
 * The 提案 state machine (types/congress.ts draws it). Guarantees, and the step that keeps each:
 *  1. Submitted only with ≥ N 附议: `seconds ≥ secondsNeeded` is checked on the proposal as read in the
 *     transaction that submits it — a form cannot skip it and a racing decline cannot slip past it.
 *  2. Only invited 代表 second, each once: an invitation is a document `<proposalId>_<memberId>`;
 *     accepting flips it invited → accepted and adds 1 to the proposal in one transaction.
 *  3. One decision per proposal: every committee step reads the proposal in a transaction, checks
 *     (state, revision) and updates it there (并案 reads both proposals), so two committee members
 *     deciding at once produce one decision and one CONFLICT.
 *  4. Every committee step and its audit entry land together: both are written in that one transaction
 *     (`auditedStep` below), so a function killed between them leaves neither. The 提案号 is claimed in the
 *     submit's own transaction: a submitted proposal always has its number.
 *  5. 满意度 (ratings.ts): 不满意 reopens once; a round no one finishes is closed by the committee after
 *     its deadline.
 */
import { RATING_DAYS, type AnswerClass, type AnswerFileInput, type Decision, type ProposalCategory } from '../../types/congress'
import { auditedUpdate, recordAudit, type AuditEntry } from '../_shared/audit'
import { requireMember, type Ctx } from '../_shared/context'
import { createdId, isDuplicateKey } from '../_shared/create-once'
import { AppError, conflict, forbidden, notFound, staleRevision } from '../_shared/errors'
import { searchTerms } from '../_shared/search-terms'
import { addDays, shanghaiDate } from '../_shared/time'
import { dropStagedAnswerFiles, sealAnswerFiles } from './answer-files'
import { coHandlersOf } from './co-handlers'
import { tellInvited } from './reminders'
import { CONGRESS_COLLECTIONS as C, type AnswerEntry, type InviteDoc, type ProposalDoc, type SessionDoc } from './documents'
import {
  approvedMember, getDoc, inTransaction, inviteId, loadDelegate, loadProposal, loadSession, requireDelegate, requireProposalCommittee, type Tx,
} from './store'

const EDITABLE = ['draft', 'returned'] as const
export const DECIDED_ELSEWHERE = '这件提案刚由他人处理过，请刷新后查看'

export interface Fields { title: string; category: ProposalCategory; reasons: string; measures: string }

/**
 * Conditional update on (_id, state in `from`, revision); true when this call made the change. For the
 * steps that are not audited (the proposer's edit, the 承办人's answer); a committee step is `auditedStep`.
 */
export async function transition(ctx: Ctx, p: ProposalDoc, from: readonly string[], revision: number, data: Record<string, unknown>): Promise<boolean> {
  const _ = ctx.db.command
  const res = (await ctx.db.collection(C.proposals).where({ _id: p._id, state: _.in([...from]), revision })
    .update({ data: { ...data, revision: _.inc(1), updatedAt: ctx.now } })) as { stats: { updated: number } }
  return res.stats.updated === 1
}

export function mustBe(p: ProposalDoc, states: readonly string[], what: string): void {
  if (!states.includes(p.state)) throw conflict(`这件提案现在不能${what}`)
}

/* ───────────── drafting ───────────── */

export async function saveProposal(ctx: Ctx, input: Fields & { sessionId: string; id?: string; revision?: number; requestId?: string }): Promise<{ id: string; revision: number }> {
  const me = requireMember(ctx)
  const s = await loadSession(ctx.db, input.sessionId)
  const fields: Fields = { title: input.title, category: input.category, reasons: input.reasons, measures: input.measures }
  if (input.id) {
    if (input.revision === undefined) throw new AppError('BAD_INPUT', '输入有误：缺少版本号，请刷新后重试。')
    const p = await loadProposal(ctx.db, input.id)
    if (p.proposerId !== me._id) throw forbidden('只有提案人可以修改提案')
    mustBe(p, EDITABLE, '修改')
    if (!(await transition(ctx, p, EDITABLE, input.revision, { ...fields, searchTerms: searchTerms([fields.title]) }))) throw staleRevision()
    return { id: p._id, revision: input.revision + 1 }
  }
  if (!input.requestId) throw new AppError('BAD_INPUT', '输入有误：缺少请求编号，请刷新页面后重试。')
  await requireDelegate(ctx, s._id, '提出提案')
  if (shanghaiDate(ctx.now) > s.collectTo) throw conflict(`提案征集已于 ${s.collectTo} 截止`)
  const doc = newDraft(ctx, s, fields, input.requestId)
  try {
    await ctx.db.collection(C.proposals).add({ data: doc })
  } catch (err) {
    if (!isDuplicateKey(err)) throw err
    const existing = await loadProposal(ctx.db, doc._id)
    return { id: existing._id, revision: existing.revision }
  }
  return { id: doc._id, revision: 0 }
}

/** A new draft by the caller, its id the request's (a retry of the same request makes no second draft). */
export function newDraft(ctx: Ctx, s: Pick<SessionDoc, '_id' | 'minSeconds'>, fields: Fields, requestId: string, fromOpinionId?: string): ProposalDoc {
  const me = requireMember(ctx)
  const requestKey = createdId(ctx.openid, 'congress.proposal', requestId)
  return {
    _id: requestKey, sessionId: s._id, number: null, ...fields, proposerId: me._id, proposerName: me.name, state: 'draft',
    seconds: 0, seconderIds: [], secondsNeeded: s.minSeconds, followerIds: [], mergedFromIds: [], round: 1, answers: [], raterIds: [],
    searchTerms: searchTerms([fields.title]), revision: 0, requestKey, createdAt: ctx.now, updatedAt: ctx.now,
    ...(fromOpinionId ? { fromOpinionId } : {}),
  }
}

/** The proposer invites 代表 of the session to second (附议); each is messaged once; re-inviting someone is harmless. */
export async function invite(ctx: Ctx, id: string, memberIds: string[]): Promise<{ invited: number }> {
  const me = requireMember(ctx)
  const p = await loadProposal(ctx.db, id)
  if (p.proposerId !== me._id) throw forbidden('只有提案人可以邀请附议')
  mustBe(p, EDITABLE, '邀请附议')
  const invited: string[] = []
  for (const memberId of [...new Set(memberIds)]) {
    if (memberId === me._id) throw new AppError('BAD_INPUT', '输入有误：提案人不能附议自己的提案。')
    const d = await loadDelegate(ctx.db, p.sessionId, memberId)
    if (!d || d.state !== 'active') throw new AppError('BAD_INPUT', '输入有误：只能邀请本届教代会代表附议。')
    const doc: InviteDoc = { _id: inviteId(p._id, memberId), proposalId: p._id, sessionId: p.sessionId, memberId, name: d.name, state: 'invited', at: ctx.now }
    try {
      await ctx.db.collection(C.invites).add({ data: doc })
      invited.push(memberId)
    } catch (err) {
      if (!isDuplicateKey(err)) throw err
    }
  }
  await tellInvited(ctx, p, invited)
  return { invited: invited.length }
}

/** An invited 代表 accepts or declines; each invitation is answered once. */
export async function respond(ctx: Ctx, id: string, accept: boolean): Promise<{ seconds: number; state: 'accepted' | 'declined' }> {
  const me = requireMember(ctx)
  const key = inviteId(id, me._id)
  return inTransaction(ctx.db, async (t) => {
    const inv = await getDoc<InviteDoc>(t, C.invites, key)
    if (!inv) throw forbidden('只有被邀请的代表可以附议这件提案')
    if (inv.state !== 'invited') throw conflict(inv.state === 'accepted' ? '您已附议这件提案' : '您已谢绝附议这件提案')
    const p = await getDoc<ProposalDoc>(t, C.proposals, id)
    if (!p) throw notFound('提案')
    if (!(EDITABLE as readonly string[]).includes(p.state)) throw conflict('这件提案已经提交，附议已截止')
    const state = accept ? 'accepted' as const : 'declined' as const
    await t.collection(C.invites).doc(key).update({ data: { state, at: ctx.now } })
    if (!accept) return { seconds: p.seconds, state }
    await t.collection(C.proposals).doc(id).update({ data: { seconds: p.seconds + 1, seconderIds: [...p.seconderIds, me._id], updatedAt: ctx.now } })
    return { seconds: p.seconds + 1, state }
  })
}

/**
 * The session's next free 提案号, claimed inside the submit's transaction (unique by primary key
 * `<session>_<n>`, so two submissions never share one): from `from` (the count of numbers taken, read
 * before the transaction), each taken number is read and skipped. A submission racing this one for the
 * same number fails its insert and the whole submit runs again.
 */
async function claimNumber(t: Tx, p: ProposalDoc, from: number): Promise<number> {
  for (let n = from; ; n++) {
    const taken = await getDoc<{ proposalId: string }>(t, C.numbers, `${p.sessionId}_${n}`)
    if (taken?.proposalId === p._id) return n
    if (taken) continue
    await t.collection(C.numbers).add({ data: { _id: `${p.sessionId}_${n}`, sessionId: p.sessionId, n, proposalId: p._id } })
    return n
  }
}

/** Guarantee 1: checked on the proposal as read in the transaction that submits it (and claims its 提案号). */
export async function submit(ctx: Ctx, id: string, revision: number): Promise<{ id: string; revision: number; state: 'submitted' }> {
  const me = requireMember(ctx)
  const p = await loadProposal(ctx.db, id)
  if (p.proposerId !== me._id) throw forbidden('只有提案人可以提交提案')
  mustBe(p, EDITABLE, '提交')
  const s = await loadSession(ctx.db, p.sessionId)
  const today = shanghaiDate(ctx.now)
  if (p.state === 'draft' && today > s.collectTo && !p.fromOpinionId) throw conflict(`提案征集已于 ${s.collectTo} 截止`)
  const _ = ctx.db.command
  const taken = async () => (p.number === null ? ((await ctx.db.collection(C.numbers).where({ sessionId: p.sessionId }).count()) as { total: number }).total : 0)
  await inTransaction(ctx.db, async (t, count) => {
    const now = await getDoc<ProposalDoc>(t, C.proposals, id)
    if (!now) throw notFound('提案')
    if (now.seconds < now.secondsNeeded) throw conflict(`至少需要 ${now.secondsNeeded} 位代表附议才能提交，现在有 ${now.seconds} 位`)
    if (!(EDITABLE as readonly string[]).includes(now.state) || now.revision !== revision) throw staleRevision()
    const number = now.number ?? (await claimNumber(t, now, count + 1))
    await t.collection(C.proposals).doc(id).update({
      data: { state: 'submitted', number, submittedOn: today, reviewDue: addDays(today, s.reviewDays), decisionReason: _.remove(), revision: revision + 1, updatedAt: ctx.now },
    })
  }, taken)
  return { id, revision: revision + 1, state: 'submitted' }
}

/* ───────────── 立案审查 and 交办 (提案工作委员会) ───────────── */

/** The audit entry of a step on `p`; `actor`: only for a timer's step (the caller otherwise). */
export const proposalEntry = (p: ProposalDoc, action: string, note?: string, actor?: { _id: string; name: string }): AuditEntry =>
  ({ action, target: { kind: 'proposal', id: p._id, label: p.number ? `第${p.number}号提案“${p.title}”` : `提案“${p.title}”` }, ...(note ? { note } : {}), ...(actor ? { actor } : {}) })

/**
 * A committee step and its audit entry in one transaction: the proposal as read there must still be in
 * `from` at `revision`; then `data` (plus the next revision) and the entry are written together. False —
 * nothing written — when it has moved on (the caller names the refusal).
 */
export async function auditedStep(ctx: Ctx, p: ProposalDoc, from: readonly string[], revision: number, data: Record<string, unknown>, entry: { action: string; note?: string }): Promise<boolean> {
  const { changed } = await auditedUpdate<ProposalDoc>(ctx, C.proposals, p._id, (now) => (!now || !from.includes(now.state) || now.revision !== revision ? null : {
    data: { ...data, revision: revision + 1, updatedAt: ctx.now },
    entry: proposalEntry(now, entry.action, entry.note),
  }))
  return changed
}

export async function decide(ctx: Ctx, input: { id: string; revision: number; decision: Decision; reason: string; intoId?: string }): Promise<{ id: string; state: string }> {
  const p = await loadProposal(ctx.db, input.id)
  requireProposalCommittee(ctx, await loadSession(ctx.db, p.sessionId))
  mustBe(p, ['submitted'], '审查')
  const me = requireMember(ctx)
  if ((input.decision === 'return' || input.decision === 'suggestion') && !input.reason) throw new AppError('BAD_INPUT', '输入有误：请填写理由（提案人会看到）。')
  if (input.decision === 'merge') return merge(ctx, p, input.revision, input.intoId, input.reason)
  const next = { accept: 'accepted', return: 'returned', suggestion: 'suggestion' }[input.decision]
  const action = { accept: 'congress.accept', return: 'congress.returnProposal', suggestion: 'congress.toSuggestion' }[input.decision]
  const ok = await auditedStep(ctx, p, ['submitted'], input.revision, {
    state: next, decidedBy: me._id, ...(input.reason ? { decisionReason: input.reason } : {}),
  }, { action, note: input.reason || undefined })
  if (!ok) throw conflict(DECIDED_ELSEWHERE)
  return { id: p._id, state: next }
}

/** 并案: the proposal joins a case; its proposer, 附议人 and followers follow the case (and rate its answer). */
async function merge(ctx: Ctx, p: ProposalDoc, revision: number, intoId: string | undefined, reason: string): Promise<{ id: string; state: string }> {
  if (!intoId || intoId === p._id) throw new AppError('BAD_INPUT', '输入有误：请选择要并入的提案。')
  const me = requireMember(ctx)
  await inTransaction(ctx.db, async (t) => {
    const src = await getDoc<ProposalDoc>(t, C.proposals, p._id)
    const into = await getDoc<ProposalDoc>(t, C.proposals, intoId)
    if (!src || src.state !== 'submitted' || src.revision !== revision) throw conflict(DECIDED_ELSEWHERE)
    if (!into || into.sessionId !== src.sessionId || !['accepted', 'assigned'].includes(into.state)) throw conflict('只能并入本次会议已立案、尚未答复的提案')
    const people = [src.proposerId, ...src.seconderIds, ...src.followerIds]
    const followerIds = [...new Set([...into.followerIds, ...people])].filter((x) => x !== into.proposerId && !into.seconderIds.includes(x))
    await t.collection(C.proposals).doc(src._id).update({ data: { state: 'merged', mergedInto: into._id, decidedBy: me._id, revision: src.revision + 1, updatedAt: ctx.now, ...(reason ? { decisionReason: reason } : {}) } })
    await t.collection(C.proposals).doc(into._id).update({ data: { followerIds: _set(ctx, followerIds), mergedFromIds: _set(ctx, [...into.mergedFromIds, src._id]), revision: into.revision + 1, updatedAt: ctx.now } })
    await recordAudit(t, ctx, proposalEntry(src, 'congress.merge', `并入“${into.title}”${reason ? `，${reason}` : ''}`))
  })
  return { id: p._id, state: 'merged' }
}

export const _set = (ctx: Ctx, v: unknown) => ctx.db.command.set(v)

/** 交办: the case goes to a 主办 office's 承办人 (a member; 承办人 for this case only) with a due date. */
export async function assign(ctx: Ctx, input: { id: string; revision: number; handlerId: string; office: string; coOffices: string; coHandlerIds: string[]; dueDate: string }): Promise<{ id: string; state: string }> {
  const p = await loadProposal(ctx.db, input.id)
  requireProposalCommittee(ctx, await loadSession(ctx.db, p.sessionId))
  mustBe(p, ['accepted', 'assigned'], '交办')
  if (input.dueDate < shanghaiDate(ctx.now)) throw new AppError('BAD_INPUT', '输入有误：答复期限不能早于今天。')
  const h = await approvedMember(ctx.db, input.handlerId)
  if (!h) throw notFound('承办人')
  const coHandlers = await coHandlersOf(ctx.db, input.coHandlerIds, h._id)
  const co = coHandlers.length ? `，协办人 ${coHandlers.map((c) => c.name).join('、')}` : ''
  const ok = await auditedStep(ctx, p, ['accepted', 'assigned'], input.revision, {
    state: 'assigned', handlerId: h._id, handlerName: h.name, office: input.office, coOffices: input.coOffices, coHandlers: _set(ctx, coHandlers), dueDate: input.dueDate,
  }, { action: 'congress.assign', note: `${input.office} ${h.name}${co}，${input.dueDate} 前答复` })
  if (!ok) throw conflict(DECIDED_ELSEWHERE)
  return { id: p._id, state: 'assigned' }
}

/** The 承办人 of this case answers (A/B/C; C with its reason). */
export async function answer(ctx: Ctx, input: { id: string; revision: number; answerClass: AnswerClass; text: string; reason: string; files: AnswerFileInput[] }): Promise<{ id: string; state: string }> {
  const me = requireMember(ctx)
  const p = await loadProposal(ctx.db, input.id)
  // 协办人 add their opinion (co-handlers.ts); the answer is the 主办's 承办人's alone
  if (p.handlerId !== me._id) throw forbidden('只有这件提案的承办人可以答复')
  mustBe(p, ['assigned'], '答复')
  if (input.answerClass === 'C' && !input.reason) throw new AppError('BAD_INPUT', '输入有误：C 类答复请写明暂不能解决的原因。')
  const files = await sealAnswerFiles(ctx, input.files)
  const today = shanghaiDate(ctx.now)
  const entry: AnswerEntry = {
    round: p.round, answerClass: input.answerClass, text: input.text, reason: input.answerClass === 'C' ? input.reason : '', answeredOn: today,
    onTime: !p.dueDate || today <= p.dueDate, handlerId: me._id, handlerName: me.name, files,
  }
  const _ = ctx.db.command
  if (!(await transition(ctx, p, ['assigned'], input.revision, { state: 'answered', answers: _.push([entry]) }))) throw staleRevision()
  await dropStagedAnswerFiles(ctx, input.files)
  return { id: p._id, state: 'answered' }
}

/** The committee passes the answer on to the raters, or sends it back (退回重办) with a reason. */
export async function reviewAnswer(ctx: Ctx, input: { id: string; revision: number; approve: boolean; reason: string }): Promise<{ id: string; state: string }> {
  const p = await loadProposal(ctx.db, input.id)
  requireProposalCommittee(ctx, await loadSession(ctx.db, p.sessionId))
  mustBe(p, ['answered'], '审核答复')
  if (input.approve) {
    const raterIds = [...new Set([p.proposerId, ...p.seconderIds, ...p.followerIds])]
    const ratingDue = addDays(shanghaiDate(ctx.now), RATING_DAYS)
    const data = { state: 'rating', raterIds: _set(ctx, raterIds), ratingDue, returnedAnswerReason: ctx.db.command.remove() }
    if (!(await auditedStep(ctx, p, ['answered'], input.revision, data, { action: 'congress.approveAnswer' }))) throw conflict(DECIDED_ELSEWHERE)
    return { id: p._id, state: 'rating' }
  }
  if (!input.reason) throw new AppError('BAD_INPUT', '输入有误：请填写退回理由（承办人会看到）。')
  const answers = p.answers.map((a, i) => (i === p.answers.length - 1 ? { ...a, returnedReason: input.reason } : a))
  const data = { state: 'assigned', answers: _set(ctx, answers), returnedAnswerReason: input.reason }
  if (!(await auditedStep(ctx, p, ['answered'], input.revision, data, { action: 'congress.returnAnswer', note: input.reason }))) throw conflict(DECIDED_ELSEWHERE)
  return { id: p._id, state: 'assigned' }
}

import { proposalStateLabels, type ProposalState } from '../../types/congress'
import type { InboxItem, OpinionCase, OpinionProposalLink, OpinionView } from '../../types/opinion'
import type { Ctx } from '../_shared/context'
import { COLLECTIONS, type MemberDoc, type OpinionDoc, type OpinionQaDoc } from '../_shared/documents'
import { CONGRESS_COLLECTIONS } from '../congress/documents'
import { docs, iso } from '../_shared/query'
import { shanghaiDate } from '../_shared/time'

/** Still waiting for the union and past its due date (Shanghai calendar); never before its release. */
export function isOverdue(o: Pick<OpinionDoc, 'state' | 'dueOn'>, today: string): boolean {
  return (o.state === 'pending' || o.state === 'processing') && o.dueOn !== undefined && o.dueOn < today
}

/** A released item's due date (handlers only ever see released items, which always have one). */
export function dueOf(o: Pick<OpinionDoc, 'dueOn'>): string {
  if (!o.dueOn) throw new Error('a released opinion without a due date')
  return o.dueOn
}

async function imageUrls(ctx: Ctx, ids: string[]): Promise<string[]> {
  if (ids.length === 0) return []
  const urls = await ctx.services.tempUrls(ids)
  return ids.map((id) => urls[id]).filter((u): u is string => Boolean(u))
}

async function qaOf(ctx: Ctx, qaId: string | undefined): Promise<OpinionQaDoc | undefined> {
  if (!qaId) return undefined
  return (await docs<OpinionQaDoc>(ctx.db.collection(COLLECTIONS.opinionQa).where({ _id: qaId }).limit(1)))[0]
}

/** The proposal drafted from the item: number, 案由, state — never its dates or its proposer. */
async function proposalOf(ctx: Ctx, proposalId: string | undefined): Promise<{ proposal: OpinionProposalLink } | Record<string, never>> {
  if (!proposalId) return {}
  const p = (await docs<{ number: number | null; title: string; state: ProposalState }>(ctx.db.collection(CONGRESS_COLLECTIONS.proposals).where({ _id: proposalId })
    .field({ number: true, title: true, state: true }).limit(1)))[0]
  return p ? { proposal: { number: p.number ?? null, title: p.title, state: proposalStateLabels[p.state] } } : {}
}

/** The submitter's view: replies by date only and no handler names (the union answers as one). */
export async function submitterView(ctx: Ctx, o: OpinionDoc): Promise<OpinionView> {
  const qa = await qaOf(ctx, o.qaId)
  return {
    ...(o.anonymous ? {} : { id: o._id }),
    anonymous: o.anonymous,
    category: o.category,
    text: o.text,
    imageUrls: await imageUrls(ctx, o.images),
    state: o.state,
    submittedOn: o.submittedOn,
    ...(o.dueOn ? { dueOn: o.dueOn } : {}),
    overdue: isOverdue(o, shanghaiDate(ctx.now)),
    replies: o.replies.map((r) => ({ text: r.text, on: shanghaiDate(r.repliedAt) })),
    followUps: o.followUps.map((f) => ({ text: f.text, on: f.on })),
    ...(o.rating ? { rating: o.rating } : {}),
    ...(o.rejectReason ? { rejectReason: o.rejectReason } : {}),
    ...(qa && qa.state === 'published' ? { qa: { question: qa.question, answer: qa.answer, publishedOn: shanghaiDate(qa.publishedAt) } } : {}),
    ...(await proposalOf(ctx, o.proposalId)),
  }
}

export function inboxItem(o: OpinionDoc, today: string): InboxItem {
  return {
    id: o._id,
    category: o.category,
    text: o.text,
    anonymous: o.anonymous,
    state: o.state,
    submittedOn: o.submittedOn,
    dueOn: dueOf(o),
    overdue: isOverdue(o, today),
    ...(o.held ? { held: o.held } : {}),
    ...(o.assigneeName ? { assigneeName: o.assigneeName } : {}),
    replyCount: o.replies.length,
  }
}

/** What the caller may do with the item now (the handlers enforce the same rules). */
export function permissions(ctx: Ctx, o: OpinionDoc): OpinionCase['can'] {
  const chair = ctx.role === 'chair'
  const mine = Boolean(ctx.member && o.assigneeId === ctx.member._id)
  const open = !o.held
  return {
    assign: chair && open && (o.state === 'pending' || o.state === 'processing'),
    reply: open && (chair || mine) && (o.state === 'processing' || o.state === 'replied'),
    close: (chair || mine) && o.state === 'replied',
    reject: chair && (o.state === 'pending' || o.state === 'processing'),
    release: chair && Boolean(o.held),
    publish: chair && !o.qaId && o.replies.length > 0 && (o.state === 'replied' || o.state === 'closed'),
  }
}

/** What the desk needs of a named item's author (and a reply's message, its openid); null for an anonymous item. */
export type Author = Pick<MemberDoc, 'name' | 'department' | 'openid'> | null

export async function authorOf(ctx: Ctx, o: OpinionDoc): Promise<Author> {
  if (o.anonymous || !o.memberId) return null
  const found = await docs<MemberDoc>(ctx.db.collection(COLLECTIONS.members).where({ _id: o.memberId }).field({ name: true, department: true, openid: true }).limit(1))
  return found[0] ?? null
}

/** The handler's view: the submitter only for named items; images as temporary URLs. `author`: already read by the caller. */
export async function caseView(ctx: Ctx, o: OpinionDoc, author?: Author): Promise<OpinionCase> {
  const m = author === undefined ? await authorOf(ctx, o) : author
  const submitter: OpinionCase['submitter'] = m ? { name: m.name, department: m.department } : undefined
  return {
    id: o._id,
    category: o.category,
    text: o.text,
    imageUrls: await imageUrls(ctx, o.images),
    anonymous: o.anonymous,
    ...(submitter ? { submitter } : {}),
    state: o.state,
    submittedOn: o.submittedOn,
    dueOn: dueOf(o),
    overdue: isOverdue(o, shanghaiDate(ctx.now)),
    ...(o.held ? { held: o.held } : {}),
    ...(o.assigneeId ? { assignee: { id: o.assigneeId, name: o.assigneeName ?? '' } } : {}),
    replies: o.replies.map((r) => ({ text: r.text, at: iso(r.repliedAt), byName: r.byName ?? '' })),
    followUps: o.followUps.map((f) => ({ text: f.text, on: f.on, flagged: Boolean(f.flagged) })),
    ...(o.rating ? { rating: o.rating } : {}),
    ...(o.rejectReason ? { rejectReason: o.rejectReason } : {}),
    ...(o.qaId ? { qaId: o.qaId } : {}),
    ...(await proposalOf(ctx, o.proposalId)),
    can: permissions(ctx, o),
  }
}

/**
 * Records: 代表履职档案 (attendance from congress-day sign-in, sign-in.ts), and turning an 意见箱 item into a draft proposal (its text only — never who wrote it).
 */
import { requireMember, type Ctx } from '../_shared/context'
import { COLLECTIONS, type OpinionDoc } from '../_shared/documents'
import { conflict, notFound } from '../_shared/errors'
import { recordAudit } from '../_shared/audit'
import type { ProposalCategory } from '../../types/congress'
import { CONGRESS_COLLECTIONS as C, type ProposalDoc, type RatingDoc } from './documents'
import { newDraft } from './proposals'
import { delegateId, getDoc, inTransaction, loadDelegate, loadSession, requireProposalCommittee, scanAll, sessionProposals } from './store'

export async function dossier(ctx: Ctx, sessionId: string, memberId?: string) {
  const me = requireMember(ctx)
  const s = await loadSession(ctx.db, sessionId)
  const who = memberId ?? me._id
  if (who !== me._id) requireProposalCommittee(ctx, s)
  const d = await loadDelegate(ctx.db, sessionId, who)
  const ps = await sessionProposals(ctx.db, sessionId)
  const ratings = await scanAll<RatingDoc>(ctx.db, C.ratings, { sessionId, memberId: who }, { proposalId: true })
  const attended = await getDoc(ctx.db, C.attendance, delegateId(sessionId, who))
  const name = d?.name ?? (who === me._id ? me.name : ps.find((p) => p.proposerId === who)?.proposerName ?? '')
  return {
    name, constituency: d && d.state !== 'removed' ? d.constituency : null,
    proposals: ps.filter((p) => p.proposerId === who && (who === me._id || !['draft', 'returned'].includes(p.state))).map((p) => ({ id: p._id, title: p.title, state: p.state })),
    seconded: ps.filter((p) => p.seconderIds.includes(who)).map((p) => ({ id: p._id, title: p.title })),
    ratingsGiven: ratings.length, attended: !!attended,
  }
}

const FROM_OPINION: Record<string, ProposalCategory> = { 教育教学: '教育教学', 后勤保障: '后勤保障', 食堂: '后勤保障', 福利待遇: '福利待遇', 师德师风: '师资建设', 其他: '其他' }

/**
 * A committee member makes a draft from an opinion: its category and text, nothing about its submitter.
 * One draft per opinion, and the opinion links to it — in one transaction with its audit entry: the draft's
 * id is known before it exists (the request's createdId), so the opinion is claimed (no proposalId yet, or
 * this same id on a retry), the draft added under that id and the entry recorded together. Two members
 * converting at once: one claim, one draft; a retry of a finished request changes and records nothing.
 */
export async function fromOpinion(ctx: Ctx, sessionId: string, opinionId: string, requestId: string) {
  const s = await loadSession(ctx.db, sessionId)
  requireProposalCommittee(ctx, s)
  return inTransaction(ctx.db, async (t) => {
    const o = await getDoc<OpinionDoc>(t, COLLECTIONS.opinions, opinionId)
    if (!o || o.awaitingRelease || o.held) throw notFound('这条意见')
    if (o.state === 'rejected') throw conflict('不予受理的意见不能转为提案')
    const text = o.text.trim()
    const title = `关于${text.replace(/\s+/g, ' ').slice(0, 30)}的提案`.slice(0, 40)
    const draft = newDraft(ctx, s, { title, category: FROM_OPINION[o.category] ?? '其他', reasons: text.slice(0, 2000), measures: '（请提案人补充办法和建议）' }, requestId, o._id)
    if (o.proposalId && o.proposalId !== draft._id) throw conflict('这条意见已经转为提案，请在教代会提案中查看')
    const existing = await getDoc<ProposalDoc>(t, C.proposals, draft._id)
    if (existing) return { id: existing._id, revision: existing.revision }
    if (!o.proposalId) await t.collection(COLLECTIONS.opinions).doc(o._id).update({ data: { proposalId: draft._id } })
    await t.collection(C.proposals).add({ data: draft })
    await recordAudit(t, ctx, { action: 'congress.fromOpinion', target: { kind: 'proposal', id: draft._id, label: title } })
    return { id: draft._id, revision: 0 }
  })
}

/**
 * Records: 代表履职档案 (attendance from congress-day sign-in, sign-in.ts), and turning an 意见箱 item into a draft proposal (its text only — never who wrote it).
 */
import { requireMember, type Ctx } from '../_shared/context'
import { COLLECTIONS, type OpinionDoc } from '../_shared/documents'
import { createdId } from '../_shared/create-once'
import { conflict, notFound } from '../_shared/errors'
import { recordAudit } from '../_shared/audit'
import type { ProposalCategory } from '../../types/congress'
import { CONGRESS_COLLECTIONS as C, type RatingDoc } from './documents'
import { saveProposal } from './proposals'
import { delegateId, getDoc, loadDelegate, loadSession, requireProposalCommittee, scanAll, sessionProposals } from './store'

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
 * One draft per opinion, and the opinion links to it: the draft's id is known before it exists (the
 * request's createdId), so the opinion is claimed first by one conditional update (no proposalId yet, or
 * this same id on a retry), then the draft is made idempotently under that id. Two members converting
 * at once: one claim, one draft.
 */
export async function fromOpinion(ctx: Ctx, sessionId: string, opinionId: string, requestId: string) {
  const s = await loadSession(ctx.db, sessionId)
  requireProposalCommittee(ctx, s)
  const o = await getDoc<OpinionDoc>(ctx.db, COLLECTIONS.opinions, opinionId)
  if (!o || o.awaitingRelease || o.held) throw notFound('这条意见')
  if (o.state === 'rejected') throw conflict('不予受理的意见不能转为提案')
  await claimOpinion(ctx, o, createdId(ctx.openid, 'congress.proposal', requestId))
  const text = o.text.trim()
  const title = `关于${text.replace(/\s+/g, ' ').slice(0, 30)}的提案`.slice(0, 40)
  const saved = await saveProposal(ctx, { sessionId, requestId, title, category: FROM_OPINION[o.category] ?? '其他', reasons: text.slice(0, 2000), measures: '（请提案人补充办法和建议）' }, o._id)
  await recordAudit(ctx.db, ctx, { action: 'congress.fromOpinion', target: { kind: 'proposal', id: saved.id, label: title } })
  return saved
}

async function claimOpinion(ctx: Ctx, o: OpinionDoc, proposalId: string): Promise<void> {
  const _ = ctx.db.command
  const res = (await ctx.db.collection(COLLECTIONS.opinions).where({ _id: o._id, proposalId: _.exists(false) })
    .update({ data: { proposalId } })) as { stats: { updated: number } }
  if (res.stats.updated === 1) return
  const now = await getDoc<OpinionDoc>(ctx.db, COLLECTIONS.opinions, o._id)
  if (now?.proposalId !== proposalId) throw conflict('这条意见已经转为提案，请在教代会提案中查看')
}

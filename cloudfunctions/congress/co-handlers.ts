/**
 * 协办: members named with the 主办's 承办人 when a case is handed over (交办). They see the case and
 * add their opinion (协办意见) to the answer the 承办人 writes; they never submit the answer (answer()
 * takes the 承办人 only). Cases assigned before 协办人 existed keep their typed 协办部门 (`coOffices`)
 * and simply have no 协办人.
 *
 * An opinion is one document per (case, round, 协办人), `<proposalId>_<round>_<memberId>`:
 *  - written once — a retry of the same text answers the same note, a different text is refused;
 *  - corrected against the revision the 协办人 saw (one conditional update), the replaced text kept;
 *  - only while the case waits for the round's answer (state assigned): the answer it informs is
 *    not yet written, and once written the opinions of that round are part of its record.
 */
import { requireMember, type Ctx } from '../_shared/context'
import { isDuplicateKey } from '../_shared/create-once'
import { AppError, conflict, forbidden, staleRevision } from '../_shared/errors'
import { iso } from '../_shared/query'
import { CONGRESS_COLLECTIONS as C, type CoNoteDoc, type ProposalDoc } from './documents'
import { approvedMember, getDoc, scanAll } from './store'
import type { Database } from '../_shared/context'

export const coNoteId = (proposalId: string, round: number, memberId: string) => `${proposalId}_${round}_${memberId}`

export const isCoHandler = (p: Pick<ProposalDoc, 'coHandlers'>, memberId: string) => (p.coHandlers ?? []).some((c) => c.memberId === memberId)

/** The 协办人 named at 交办: approved members, not the 承办人 himself, each once. */
export async function coHandlersOf(db: Database, ids: string[], handlerId: string): Promise<Array<{ memberId: string; name: string }>> {
  const out: Array<{ memberId: string; name: string }> = []
  for (const id of [...new Set(ids)]) {
    if (id === handlerId) throw new AppError('BAD_INPUT', '输入有误：协办人：承办人不必再列为协办人。')
    const m = await approvedMember(db, id)
    if (!m) throw new AppError('BAD_INPUT', '输入有误：协办人：只能选择本会会员。')
    out.push({ memberId: m._id, name: m.name })
  }
  return out
}

export async function coNote(ctx: Ctx, p: ProposalDoc, text: string, revision: number | undefined): Promise<{ id: string; revision: number }> {
  const me = requireMember(ctx)
  if (!isCoHandler(p, me._id)) throw forbidden('只有这件提案的协办人可以提出协办意见')
  if (p.state !== 'assigned') throw conflict('这一次答复已经提交，协办意见不能再写或修改')
  const id = coNoteId(p._id, p.round, me._id)
  if (revision === undefined) return writeOnce(ctx, p, id, text)
  const _ = ctx.db.command
  const had = await getDoc<CoNoteDoc>(ctx.db, C.coNotes, id)
  if (!had) throw conflict('还没有协办意见可以修改，请刷新后重试')
  if (had.text === text && had.revision === revision + 1) return { id, revision: had.revision } // a retry of this correction
  const res = (await ctx.db.collection(C.coNotes).where({ _id: id, revision })
    .update({ data: { text, revision: _.inc(1), history: _.push([{ text: had.text, at: had.updatedAt }]), updatedAt: ctx.now } })) as { stats: { updated: number } }
  if (res.stats.updated !== 1) throw staleRevision()
  return { id, revision: revision + 1 }
}

async function writeOnce(ctx: Ctx, p: ProposalDoc, id: string, text: string): Promise<{ id: string; revision: number }> {
  const me = requireMember(ctx)
  const doc: CoNoteDoc = { _id: id, proposalId: p._id, sessionId: p.sessionId, round: p.round, memberId: me._id, name: me.name, text, revision: 0, history: [], at: ctx.now, updatedAt: ctx.now }
  try {
    await ctx.db.collection(C.coNotes).add({ data: doc })
    return { id, revision: 0 }
  } catch (err) {
    if (!isDuplicateKey(err)) throw err
    const had = await getDoc<CoNoteDoc>(ctx.db, C.coNotes, id)
    if (had && had.revision === 0 && had.text === text) return { id, revision: 0 }
    throw conflict('您已经写过这次的协办意见，请刷新后修改')
  }
}

/** The case's 协办意见 the caller may read (views.ts decides who sees which rounds). */
export async function coNoteViews(db: Database, p: ProposalDoc, seesAll: boolean, shownRounds: Set<number>) {
  const notes = (await scanAll<CoNoteDoc>(db, C.coNotes, { proposalId: p._id })).sort((a, b) => a.round - b.round || +new Date(a.at) - +new Date(b.at))
  return {
    notes: notes.filter((n) => seesAll || shownRounds.has(n.round))
      .map((n) => ({ round: n.round, name: n.name, text: n.text, at: iso(new Date(n.updatedAt)), corrected: n.revision > 0 })),
    mine: (memberId: string) => {
      const n = notes.find((x) => x.memberId === memberId && x.round === p.round)
      return n ? { text: n.text, revision: n.revision } : null
    },
  }
}

import { opinionListQaInput, opinionMineInput, type OpinionListQaOutput, type OpinionMineOutput } from '../../types/opinion'
import { action } from '../_shared/dispatch'
import { requireMember } from '../_shared/context'
import { COLLECTIONS, type OpinionDoc, type OpinionQaDoc } from '../_shared/documents'
import { iso, pageOf } from '../_shared/query'

type MineDoc = Pick<OpinionDoc, '_id' | 'category' | 'text' | 'state' | 'submittedOn' | 'dueOn' | 'replies'>

export const routes = {
  /** Q&A published by the chair, newest first. Members only. Index: state, publishedAt. */
  listQa: action({
    input: opinionListQaInput,
    role: 'member',
    async run(ctx, input): Promise<OpinionListQaOutput> {
      const where = { state: 'published' }
      const { total: count, items: found } = await pageOf<OpinionQaDoc>(ctx.db.collection(COLLECTIONS.opinionQa), where, {
        orderBy: [['publishedAt', 'desc']], page: input.page,
      })
      return {
        items: found.map((q) => ({ id: q._id, category: q.category, question: q.question, answer: q.answer, publishedAt: iso(q.publishedAt) })),
        page: input.page,
        total: count,
      }
    },
  }),

  /**
   * The caller's NAMED opinions, newest first. Anonymous opinions carry no member id, so they
   * cannot appear here — by construction, not by filter. Index: memberId, submittedOn.
   */
  mine: action({
    input: opinionMineInput,
    role: 'member',
    async run(ctx, input): Promise<OpinionMineOutput> {
      const me = requireMember(ctx)
      const where = { memberId: me._id, anonymous: false }
      const { total: count, items: found } = await pageOf<MineDoc>(ctx.db.collection(COLLECTIONS.opinions), where, {
        orderBy: [['submittedOn', 'desc']],
        page: input.page,
        fields: { _id: true, category: true, text: true, state: true, submittedOn: true, dueOn: true, replies: true },
      })
      return {
        items: found.map((o) => {
          const replies = o.replies ?? []
          const last = replies[replies.length - 1]
          return {
            id: o._id,
            category: o.category,
            text: o.text,
            state: o.state,
            submittedOn: o.submittedOn,
            dueOn: o.dueOn,
            replyCount: replies.length,
            ...(last ? { lastReply: { text: last.text, repliedAt: iso(last.repliedAt) } } : {}),
          }
        }),
        page: input.page,
        total: count,
      }
    },
  }),
}

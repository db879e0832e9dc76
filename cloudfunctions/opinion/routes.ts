import { opinionListQaInput, type OpinionListQaOutput } from '../../types/opinion'
import { action } from '../_shared/dispatch'
import { COLLECTIONS, type OpinionQaDoc } from '../_shared/documents'
import { iso, pageOf } from '../_shared/query'
import { submit } from './submit'
import { submitterRoutes } from './submitter'
import { handlingRoutes } from './handling'
import { publishingRoutes } from './publishing'
import { statsRoutes } from './stats'
import { timerRoutes } from './timers'
import { batchRoutes } from './batch'

/**
 * 意见箱. Nothing in this function logs an event, an input, a text or an openid: an anonymous
 * item's author must not be findable in the function logs either.
 */
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
  submit,
  ...submitterRoutes,
  ...handlingRoutes,
  ...publishingRoutes,
  ...statsRoutes,
  ...timerRoutes,
  ...batchRoutes,
}

import {
  opinionCheckCodeInput, opinionFollowUpInput, opinionMineInput, opinionRateInput, opinionViewInput,
  type OpinionCheckCodeOutput, type OpinionMineOutput, type OpinionView,
} from '../../types/opinion'
import { action } from '../_shared/dispatch'
import { requireMember } from '../_shared/context'
import { COLLECTIONS, type OpinionDoc } from '../_shared/documents'
import { AppError } from '../_shared/errors'
import { pageOf } from '../_shared/query'
import { shanghaiDate } from '../_shared/time'
import { contentVerdict } from './content-check'
import { findByCode, findOwn } from './find'
import { dueOf, submitterView } from './views'

/** The item, as the submitter's pages call it (by code, or 我的意见's id). */
const REF_LABELS = { id: '意见' } as const

type MineDoc = Pick<OpinionDoc, '_id' | 'category' | 'text' | 'state' | 'submittedOn' | 'dueOn' | 'replies'>

export const submitterRoutes = {
  /** The submitter's item: by receipt code (anonymous) or id (named, own only). */
  view: action({
    input: opinionViewInput,
    role: 'member',
    labels: REF_LABELS,
    async run(ctx, input): Promise<OpinionView> {
      return submitterView(ctx, await findOwn(ctx, input))
    },
  }),

  /**
   * A follow-up message from the submitter. Stored with the date only, whether anonymous or
   * named, so a follow-up adds no time of day. Held-worthy text is kept but flagged for the chair.
   */
  followUp: action({
    input: opinionFollowUpInput,
    role: 'member',
    labels: { ...REF_LABELS, text: '补充说明' },
    async run(ctx, input): Promise<OpinionView> {
      const o = await findOwn(ctx, input)
      if (o.state === 'closed' || o.state === 'rejected') {
        throw new AppError('CONFLICT', o.state === 'closed' ? '这条意见已办结，不能再补充；如有新问题，请重新提交一条意见。' : '这条意见已不予受理，不能再补充；如有新情况，请重新提交一条意见。')
      }
      const flagged = Boolean(await contentVerdict(ctx, input.text))
      const entry = { text: input.text, on: shanghaiDate(ctx.now), ...(flagged ? { flagged } : {}) }
      const _ = ctx.db.command
      await ctx.db.collection(COLLECTIONS.opinions).doc(o._id).update({ data: { followUps: _.push([entry]) } })
      return submitterView(ctx, { ...o, followUps: [...o.followUps, entry] })
    },
  }),

  /** 满意 / 基本满意 / 不满意, once there is an answer; may be changed later (e.g. after a follow-up). */
  rate: action({
    input: opinionRateInput,
    role: 'member',
    labels: REF_LABELS,
    async run(ctx, input): Promise<OpinionView> {
      const o = await findOwn(ctx, input)
      if (o.replies.length === 0 || !(o.state === 'replied' || o.state === 'closed')) {
        throw new AppError('CONFLICT', '工会答复之后才能评价。')
      }
      await ctx.db.collection(COLLECTIONS.opinions).doc(o._id).update({ data: { rating: input.rating } })
      return submitterView(ctx, { ...o, rating: input.rating })
    },
  }),

  /**
   * State and reply count of one code this device remembers (for the "new reply" badge). One code
   * per call, counted like any look-up (a right code costs nothing).
   */
  checkCode: action({
    input: opinionCheckCodeInput,
    role: 'member',
    async run(ctx, input): Promise<OpinionCheckCodeOutput> {
      const o = await findByCode(ctx, input.code)
      return { state: o.state, replyCount: o.replies.length }
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
            dueOn: dueOf(o),
            replyCount: replies.length,
            ...(last ? { lastReply: { text: last.text, on: shanghaiDate(last.repliedAt) } } : {}),
          }
        }),
        page: input.page,
        total: count,
      }
    },
  }),
}

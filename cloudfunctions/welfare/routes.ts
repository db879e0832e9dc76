import { welfareListInput, type WelfareListOutput } from '../../types/welfare'
import { action } from '../_shared/dispatch'
import { COLLECTIONS, type WelfareVisitDoc } from '../_shared/documents'
import { pageOf } from '../_shared/query'
import { shanghaiYear, yearDateRange } from '../_shared/time'

export const routes = {
  /** One year's visits (default: this year in Asia/Shanghai), latest first. Index: visitDate. */
  list: action({
    input: welfareListInput,
    role: 'committee',
    deniedMessage: '只有工会委员和主席可以查看慰问记录',
    async run(ctx, input): Promise<WelfareListOutput> {
      const year = input.year ?? shanghaiYear(ctx.now)
      const { from, to } = yearDateRange(year)
      const _ = ctx.db.command
      const where = { visitDate: _.gte(from).and(_.lt(to)) }
      const { total: count, items: found } = await pageOf<WelfareVisitDoc>(ctx.db.collection(COLLECTIONS.welfareVisits), where, {
        orderBy: [['visitDate', 'desc'], ['_id', 'asc']], page: input.page,
      })
      return {
        items: found.map((v) => ({
          id: v._id,
          recipientName: v.recipient.name,
          recipientKind: v.recipient.kind,
          ...(v.recipient.department ? { department: v.recipient.department } : {}),
          reason: v.reason,
          visitDate: v.visitDate,
          visitors: v.visitors.map((p) => p.name),
          cashFen: v.cashFen,
          gifts: v.gifts.map((g) => ({ name: g.name, valueFen: g.valueFen })),
          giftValueFen: v.gifts.reduce((sum, g) => sum + g.valueFen, 0),
          fund: v.fund,
          state: v.state,
          notes: v.notes,
        })),
        page: input.page,
        total: count,
        year,
      }
    },
  }),
}

/**
 * 经费公开: a fund-disclosure notice drafted from the ledger (done visits between two dates):
 * totals by reason, month and fund; recipients' names only for the reasons the chair ticks, and
 * never for anyone who received 困难帮扶 or 生病住院 in the period or is marked 困难 — whatever
 * the options say. The draft goes on the board through createNoticeDraft; the chair reviews
 * and publishes it through the normal notice flow.
 */
import { PRIVATE_REASONS, welfareDisclosureInput, welfareFunds, welfareReasons, type WelfareDisclosureOutput, type WelfareReason } from '../../types/welfare'
import type { NoticeBlock } from '../../types/notice'
import { formatFen } from '../../types/money'
import type { Ctx } from '../_shared/context'
import { action } from '../_shared/dispatch'
import { COLLECTIONS, MAX_QUERY, type WelfareVisitDoc } from '../_shared/documents'
import { AppError } from '../_shared/errors'
import { welfareLabels } from './labels'
import { createNoticeDraft } from '../_shared/notice-drafts'
import { docs } from '../_shared/query'
import { closingLine, disclosureTitle, periodWords, publicityOf } from './disclosure-words'
import { hardshipIds } from './people'

interface Group { _id: string; count: number; cashFen: number; giftFen: number }

async function groupBy(ctx: Ctx, where: Record<string, unknown>, field: string): Promise<Group[]> {
  const $ = ctx.db.command.aggregate
  const res = (await ctx.db.collection(COLLECTIONS.welfareVisits).aggregate().match(where)
    .group({ _id: `$${field}`, count: $.sum(1), cashFen: $.sum('$cashFen'), giftFen: $.sum('$giftFen') }).limit(MAX_QUERY).end()) as { list: Group[] }
  return res.list
}

/** Every done visit in the period with one of `reasons` (paged; only the fields the names need). */
async function visitsWith(ctx: Ctx, where: Record<string, unknown>, reasons: readonly string[]): Promise<WelfareVisitDoc[]> {
  if (reasons.length === 0) return []
  const _ = ctx.db.command
  const out: WelfareVisitDoc[] = []
  for (let skip = 0; ; skip += MAX_QUERY) {
    const page = await docs<WelfareVisitDoc>(ctx.db.collection(COLLECTIONS.welfareVisits)
      .where({ ...where, reason: _.in([...reasons]) }).orderBy('visitDate', 'asc').orderBy('_id', 'asc').skip(skip).limit(MAX_QUERY)
      .field({ recipient: true, reason: true }))
    out.push(...page)
    if (page.length < MAX_QUERY) return out
  }
}

const yuan = (fen: number) => formatFen(fen)
const personKey = (v: WelfareVisitDoc) => v.recipient.memberId ?? `name:${v.recipient.name}`

/** Names joined into list items of at most ~280 characters (a notice list item holds 300). */
function nameItems(reason: string, names: string[]): string[] {
  const items: string[] = []
  let cur = ''
  for (const n of names) {
    const next = cur ? `${cur}、${n}` : n
    if (`${reason}：${next}`.length > 280) { items.push(`${reason}：${cur}`); cur = n } else cur = next
  }
  if (cur) items.push(`${reason}：${cur}`)
  return items
}

export async function disclosureBody(ctx: Ctx, input: { from: string; to: string; namedReasons: WelfareReason[]; publicity?: { startDate: string; endDate: string } }) {
  const _ = ctx.db.command
  const where = { visitDate: _.gte(input.from).and(_.lte(input.to)), state: 'done' }
  const [byReason, byMonth, byFund] = await Promise.all([groupBy(ctx, where, 'reason'), groupBy(ctx, where, 'month'), groupBy(ctx, where, 'fund')])
  const count = byReason.reduce((s, g) => s + g.count, 0)
  const totalFen = byReason.reduce((s, g) => s + g.cashFen + g.giftFen, 0)
  const row = (label: string, g: Group) => [label, String(g.count), yuan(g.cashFen), yuan(g.giftFen), yuan(g.cashFen + g.giftFen)]
  const sumOf = (gs: Group[]): Group => gs.reduce((s, g) => ({ _id: '合计', count: s.count + g.count, cashFen: s.cashFen + g.cashFen, giftFen: s.giftFen + g.giftFen }), { _id: '合计', count: 0, cashFen: 0, giftFen: 0 })
  const order = <T extends string>(keys: readonly T[], gs: Group[]) => keys.map((k) => gs.find((g) => g._id === k)).filter((g): g is Group => !!g)
  const header = ['项目', '人次', '慰问金（元）', '慰问品（元）', '合计（元）']

  // Names: only ticked reasons, never private ones, never anyone private in the period.
  const named = input.namedReasons.filter((r) => !PRIVATE_REASONS.includes(r))
  const [privateVisits, namedVisits, hardship] = await Promise.all([visitsWith(ctx, where, PRIVATE_REASONS), visitsWith(ctx, where, named), hardshipIds(ctx)])
  const hidden = new Set(privateVisits.map(personKey))
  const hiddenNames = new Set(privateVisits.map((v) => v.recipient.name))
  let withheld = 0
  const lists: string[] = []
  for (const reason of welfareReasons.filter((r) => named.includes(r))) {
    const names: string[] = []
    for (const v of namedVisits.filter((x) => x.reason === reason)) {
      const secret = hidden.has(personKey(v)) || hiddenNames.has(v.recipient.name) || (v.recipient.memberId ? hardship.has(v.recipient.memberId) : false)
      if (secret) withheld++
      else if (!names.includes(v.recipient.name)) names.push(v.recipient.name)
    }
    lists.push(...nameItems(reason, names))
  }
  withheld += privateVisits.length

  const body: NoticeBlock[] = [
    { type: 'paragraph', text: '各位教职工：' },
    { type: 'paragraph', text: `根据工会经费公开的有关规定，现将${periodWords(input.from, input.to)}工会送温暖慰问经费的使用情况公开如下（共慰问 ${count} 人次，合计 ${yuan(totalFen)} 元）。` },
    { type: 'heading', text: '一、按慰问事由' },
    { type: 'table', header, rows: [...order(welfareReasons, byReason).map((g) => row(g._id, g)), row('合计', sumOf(byReason))] },
    { type: 'heading', text: '二、按月份' },
    { type: 'table', header, rows: [...byMonth.sort((a, b) => a._id.localeCompare(b._id)).map((g) => row(g._id, g)), row('合计', sumOf(byMonth))] },
    { type: 'heading', text: '三、按经费来源' },
    { type: 'table', header, rows: [...order(welfareFunds, byFund).map((g) => row(g._id, g)), row('合计', sumOf(byFund))] },
  ]
  if (lists.length) {
    body.push({ type: 'heading', text: '四、慰问名单' }, { type: 'list', ordered: false, items: lists.slice(0, 50) })
  }
  body.push(
    { type: 'paragraph', text: '困难帮扶、生病住院等涉及个人隐私的慰问，只公开人次和金额，不公开姓名。' },
    { type: 'paragraph', text: closingLine(input.publicity) },
    { type: 'paragraph', text: '校工会', bold: true },
  )
  const onlyUnionFund = byFund.every((g) => g._id === '工会经费')
  return { body, count, totalFen, withheld, hiddenNames, onlyUnionFund }
}

export const disclosureRoutes = {
  /** Drafts the 经费公开 notice for the chair to review and publish on the board. */
  disclosureDraft: action({
    input: welfareDisclosureInput,
    role: 'chair',
    deniedMessage: '只有工会主席可以起草经费公开',
    labels: welfareLabels(),
    async run(ctx, input): Promise<WelfareDisclosureOutput> {
      if (input.from > input.to) throw new AppError('BAD_INPUT', '开始日期不能晚于结束日期')
      const span = (Date.parse(input.to) - Date.parse(input.from)) / 86_400_000
      if (span > 366 * 2) throw new AppError('BAD_INPUT', '经费公开的时间段最长两年，请缩短')
      const period = publicityOf(input.publicity)
      const { body, count, totalFen, withheld, hiddenNames, onlyUnionFund } = await disclosureBody(ctx, input)
      if (count === 0) throw new AppError('BAD_INPUT', '这段时间没有已完成的慰问记录，无需公开')
      const title = input.title || disclosureTitle(input.from, input.to, onlyUnionFund)
      if ([...hiddenNames].some((n) => title.includes(n))) throw new AppError('BAD_INPUT', '标题里不能出现困难帮扶或生病住院慰问对象的姓名')
      // the draft, its notice.createDraft entry and this entry land together
      const { id } = await createNoticeDraft(ctx, { title, category: '工会经费', visibility: input.visibility, body, ...period }, (noticeId) => ({
        action: 'welfare.disclosureDraft', target: { kind: 'notice', id: noticeId, label: title },
        after: { from: input.from, to: input.to, visibility: input.visibility, namedReasons: input.namedReasons, publicity: input.publicity ?? null, count, totalFen, withheld },
      }))
      return { noticeId: id, title, count, totalFen, withheld }
    },
  }),
}

/**
 * Handling opinions: the chair sees every item from its release day on (anonymous items from
 * their daily batch, batch.ts — never before), assigns, rejects, releases held items; a committee
 * member sees and answers only the items assigned to them. Every write checks the expected state
 * and writes its audit entry naming the handler (never anything about the submitter) in ONE
 * transaction (`handle`): two handlers never both win, and no change lands without its entry.
 */
import { TEMPLATES } from '../../types/templates'
import {
  opinionAssignInput, opinionIdInput, opinionInboxInput, opinionRejectInput, opinionReplyInput,
  type InboxFilter, type OpinionAssigneesOutput, type OpinionCase, type OpinionInboxOutput, type OpinionState,
} from '../../types/opinion'
import * as z from 'zod/mini'
import { action } from '../_shared/dispatch'
import { requireMember, type Ctx } from '../_shared/context'
import { auditedUpdate } from '../_shared/audit'
import { COLLECTIONS, MAX_QUERY, type MemberDoc, type OpinionDoc } from '../_shared/documents'
import { AppError } from '../_shared/errors'
import { docs, pageOf } from '../_shared/query'
import { shanghaiDate } from '../_shared/time'
import { authorOf, caseView, inboxItem, permissions, type Author } from './views'

const OPEN: OpinionState[] = ['pending', 'processing']

/** The item an action acts on, as the handler's page calls it. */
export const ID_LABELS = { id: '意见' } as const

/** The query behind each inbox filter; a committee member's is always narrowed to their items. */
function inboxWhere(ctx: Ctx, filter: InboxFilter, today: string): Record<string, unknown> {
  const _ = ctx.db.command
  const visible = { visibleOn: _.lte(today) }
  const byFilter: Record<InboxFilter, Record<string, unknown>> = {
    open: { state: _.in([...OPEN, 'replied']) },
    pending: { state: 'pending' },
    processing: { state: 'processing' },
    replied: { state: 'replied' },
    closed: { state: 'closed' },
    rejected: { state: 'rejected' },
    held: { held: _.in(['review', 'unavailable']) },
    overdue: { state: _.in(OPEN), dueOn: _.lt(today) },
  }
  const mine = ctx.role === 'chair' ? {} : { assigneeId: requireMember(ctx)._id }
  return { ...mine, ...byFilter[filter], ...visible }
}

/** An item the caller may handle, or NOT_FOUND (not yet released, or not assigned to them). */
async function loadCase(ctx: Ctx, id: string): Promise<OpinionDoc> {
  const o = (await docs<OpinionDoc>(ctx.db.collection(COLLECTIONS.opinions).where({ _id: id }).limit(1)))[0]
  const visible = o && o.visibleOn !== undefined && o.visibleOn <= shanghaiDate(ctx.now)
  const allowed = o && (ctx.role === 'chair' || o.assigneeId === requireMember(ctx)._id)
  if (!o || !visible || !allowed) throw new AppError('NOT_FOUND', '没有找到这条意见，或它没有指派给你。')
  return o
}

/**
 * Applies `change` only if the item is still as the handler saw it (`same`), in one transaction with
 * the audit entry naming the handler — both or neither; otherwise someone else got there first.
 * `change` gives plain values from the item as the transaction read it (undefined removes a field),
 * so the item as written is known here and the handler's page is answered without reading it again.
 */
async function handle(
  ctx: Ctx, o: OpinionDoc, same: (now: OpinionDoc) => boolean, change: (now: OpinionDoc) => Partial<OpinionDoc>,
  action: string, before: unknown, after: unknown,
): Promise<OpinionDoc> {
  const label = `${o.category}：${o.text.slice(0, 20)}`
  let written = o
  await auditedUpdate<OpinionDoc>(ctx, COLLECTIONS.opinions, o._id, (now) => {
    if (!now || !same(now)) throw new AppError('CONFLICT', '这条意见刚被其他人处理过，请刷新后再试。')
    const fields = change(now)
    const data = Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, v === undefined ? ctx.db.command.remove() : v]))
    written = Object.fromEntries(Object.entries({ ...now, ...fields }).filter(([, v]) => v !== undefined)) as unknown as OpinionDoc
    return { data, entry: { action: `opinion.${action}`, target: { kind: 'opinion', id: o._id, label }, before, after } }
  })
  return written
}

async function answer(ctx: Ctx, id: string): Promise<OpinionCase> {
  return caseView(ctx, await loadCase(ctx, id))
}

/** Named items whose author asked for it get one subscription message; anonymous ones never (nobody to tell). */
async function notifyAuthor(ctx: Ctx, o: OpinionDoc, reply: string, author: Author): Promise<void> {
  if (o.anonymous || !o.notifyReply || !author?.openid) return
  const excerpt = [...reply].slice(0, 20).join('')
  const sent = await ctx.services.notify({
    touser: author.openid,
    templateId: TEMPLATES.opinionReply,
    page: `packages/opinion/pages/track/index?id=${o._id}`,
    data: { thing1: { value: `${o.category}意见已答复` }, thing2: { value: excerpt }, date3: { value: shanghaiDate(ctx.now) } },
  })
  // One-time subscription: used up whether or not WeChat delivered it.
  if (sent) await ctx.db.collection(COLLECTIONS.opinions).doc(o._id).update({ data: { notifyReply: false } })
}

export const handlingRoutes = {
  /** Committee: items assigned to me; chair: every released item. Oldest due first for open work. */
  inbox: action({
    input: opinionInboxInput,
    role: 'committee',
    labels: { filter: '筛选' },
    async run(ctx, input): Promise<OpinionInboxOutput> {
      const today = shanghaiDate(ctx.now)
      const openWork = input.filter === 'open' || input.filter === 'overdue' || input.filter === 'pending' || input.filter === 'processing'
      const { total, items } = await pageOf<OpinionDoc>(ctx.db.collection(COLLECTIONS.opinions), inboxWhere(ctx, input.filter, today), {
        orderBy: openWork ? [['dueOn', 'asc'], ['_id', 'asc']] : [['submittedOn', 'desc'], ['_id', 'asc']],
        page: input.page,
      })
      return { items: items.map((o) => inboxItem(o, today)), page: input.page, total }
    },
  }),

  /** One item for its handler. */
  case: action({
    input: opinionIdInput,
    role: 'committee',
    labels: ID_LABELS,
    async run(ctx, input): Promise<OpinionCase> {
      return answer(ctx, input.id)
    },
  }),

  /** Who the chair can assign to: committee members and chairs. */
  assignees: action({
    input: z.object({}),
    role: 'chair',
    async run(ctx): Promise<OpinionAssigneesOutput> {
      const _ = ctx.db.command
      const found = await docs<MemberDoc>(ctx.db.collection(COLLECTIONS.members)
        .where({ membership: 'approved', role: _.in(['committee', 'chair']) }).field({ name: true, role: true }).limit(MAX_QUERY))
      return { items: found.map((m) => ({ id: m._id, name: m.name, role: m.role as 'committee' | 'chair' })) }
    },
  }),

  /** 待受理 → 处理中 with a handler (or a different handler while 处理中). Not while held. */
  assign: action({
    input: opinionAssignInput,
    labels: ID_LABELS,
    role: 'chair',
    async run(ctx, input): Promise<OpinionCase> {
      const o = await loadCase(ctx, input.id)
      if (!permissions(ctx, o).assign) {
        throw new AppError('CONFLICT', o.held ? '这条意见待审核，请先放行再指派。' : '只有待受理或处理中的意见可以指派。')
      }
      const who = (await docs<MemberDoc>(ctx.db.collection(COLLECTIONS.members).where({ _id: input.assigneeId }).limit(1)))[0]
      if (!who || who.membership !== 'approved' || (who.role !== 'committee' && who.role !== 'chair')) {
        throw new AppError('BAD_INPUT', '只能指派给工会委员或主席。')
      }
      const written = await handle(ctx, o, (now) => now.state === o.state && now.assigneeId === o.assigneeId, () => ({ state: 'processing', assigneeId: who._id, assigneeName: who.name }),
        'assign', { state: o.state, assignee: o.assigneeName ?? null }, { state: 'processing', assignee: who.name })
      return caseView(ctx, written)
    },
  }),

  /** The handler's answer: 处理中 → 已答复 (a further reply keeps 已答复). */
  reply: action({
    input: opinionReplyInput,
    labels: ID_LABELS,
    role: 'committee',
    async run(ctx, input): Promise<OpinionCase> {
      const o = await loadCase(ctx, input.id)
      if (!permissions(ctx, o).reply) {
        throw new AppError('CONFLICT', o.state === 'pending' ? '请先指派处理人（主席可以指派给自己），再答复。' : '这条意见当前不能答复。')
      }
      const me = requireMember(ctx)
      const reply = { text: input.text, repliedAt: ctx.now, by: me._id, byName: me.name }
      const first = o.replies.length === 0
      // Counted from the day the union received it (its release), as its due date is.
      const days = Math.round((Date.parse(shanghaiDate(ctx.now)) - Date.parse(o.visibleOn ?? o.submittedOn)) / 86_400_000)
      // The replies as the transaction read them, plus this one (a reply racing it conflicts and is decided again).
      const written = await handle(ctx, o, (now) => now.state === o.state, (now) => ({ state: 'replied', replies: [...now.replies, reply], ...(first ? { firstReplyDays: days } : {}) }),
        'reply', { state: o.state }, { state: 'replied', reply: input.text })
      // One read of the author serves the message and the answer.
      const author = await authorOf(ctx, o)
      await notifyAuthor(ctx, o, input.text, author)
      return caseView(ctx, written, author)
    },
  }),

  /** 已答复 → 已办结. Without a reply an item cannot close. */
  close: action({
    input: opinionIdInput,
    role: 'committee',
    labels: ID_LABELS,
    async run(ctx, input): Promise<OpinionCase> {
      const o = await loadCase(ctx, input.id)
      if (!permissions(ctx, o).close) {
        throw new AppError('CONFLICT', o.replies.length === 0 ? '这条意见还没有答复，不能办结。请先答复。' : '这条意见当前不能办结。')
      }
      return caseView(ctx, await handle(ctx, o, (now) => now.state === 'replied', () => ({ state: 'closed' }), 'close', { state: o.state }, { state: 'closed' }))
    },
  }),

  /** 不予受理 with a reason the submitter reads. Chair only. */
  reject: action({
    input: opinionRejectInput,
    labels: ID_LABELS,
    role: 'chair',
    async run(ctx, input): Promise<OpinionCase> {
      const o = await loadCase(ctx, input.id)
      if (!permissions(ctx, o).reject) throw new AppError('CONFLICT', '只有待受理或处理中的意见可以不予受理。')
      return caseView(ctx, await handle(ctx, o, (now) => now.state === o.state, () => ({ state: 'rejected', rejectReason: input.reason, held: undefined }),
        'reject', { state: o.state }, { state: 'rejected', reason: input.reason }))
    },
  }),

  /** A held item (content check said review, or was unreachable) goes to normal handling. Chair only. */
  release: action({
    input: opinionIdInput,
    role: 'chair',
    labels: ID_LABELS,
    async run(ctx, input): Promise<OpinionCase> {
      const o = await loadCase(ctx, input.id)
      if (!o.held) throw new AppError('CONFLICT', '这条意见不在待审核中。')
      return caseView(ctx, await handle(ctx, o, (now) => now.held === o.held, () => ({ held: undefined }), 'release', { held: o.held }, { held: null }))
    },
  }),
}

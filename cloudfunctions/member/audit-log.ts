/** The chair reads the audit log: newest first, filtered by action, actor, target or date, each entry a sentence. */
import { auditInput, type AuditItem } from '../../types/member'
import { action } from '../_shared/dispatch'
import type { Ctx } from '../_shared/context'
import { COLLECTIONS, type AuditDoc, type MemberDoc } from '../_shared/documents'
import { docs, iso, pageOf } from '../_shared/query'
import { addDays, startOfShanghaiDay } from '../_shared/time'
import { ACTION_LABELS } from '../_shared/audit-words'
import { idsIn, sentence } from '../_shared/audit-sentences'
import { AUDIT_LABELS } from './labels'

/** The names of the members the page's entries mention, in one query. */
async function namesFor(ctx: Ctx, entries: AuditDoc[]): Promise<Map<string, string>> {
  const ids = [...new Set(entries.flatMap((e) => idsIn(e)))].slice(0, 100)
  if (!ids.length) return new Map()
  const found = await docs<Pick<MemberDoc, '_id' | 'name'>>(ctx.db.collection(COLLECTIONS.members).where({ _id: ctx.db.command.in(ids) }).field({ name: true }).limit(100))
  return new Map(found.map((m) => [m._id, m.name]))
}

export const auditRoutes = {
  auditLog: action({
    input: auditInput,
    role: 'chair',
    labels: AUDIT_LABELS,
    async run(ctx, input) {
      const _ = ctx.db.command
      const where: Record<string, unknown> = {}
      if (input.action) where.action = input.action
      else if (input.area) where.action = ctx.db.RegExp({ regexp: `^${input.area}\\.` })
      if (input.actorId) where.actorId = input.actorId
      if (input.targetId) where['target.id'] = input.targetId
      const range = []
      if (input.from) range.push(_.gte(startOfShanghaiDay(input.from)))
      if (input.to) range.push(_.lt(startOfShanghaiDay(addDays(input.to, 1))))
      if (range.length) where.at = range.length === 2 ? _.and(range[0], range[1]) : range[0]
      const { total, items } = await pageOf<AuditDoc>(ctx.db.collection(COLLECTIONS.auditLog), where, { orderBy: [['at', 'desc']], page: input.page })
      const names = await namesFor(ctx, items)
      const out: AuditItem[] = items.map((a) => ({
        id: a._id, at: iso(a.at), actorName: a.actorName, action: a.action, actionLabel: ACTION_LABELS[a.action] ?? '其他操作',
        sentence: sentence(a, names).text, targetId: a.target.id,
      }))
      return { items: out, page: input.page, total }
    },
  }),
}

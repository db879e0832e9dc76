/** The chair reads the audit log: newest first, filtered by action, actor, target or date. */
import { auditInput, type AuditItem } from '../../types/member'
import { action } from '../_shared/dispatch'
import { COLLECTIONS, type AuditDoc } from '../_shared/documents'
import { iso, pageOf } from '../_shared/query'
import { addDays, startOfShanghaiDay } from '../_shared/time'

/** Readable names for the log; an action not listed shows as its code. */
const LABELS: Record<string, string> = {
  'member.setup': '设置码成为主席',
  'member.approve': '通过入会申请',
  'member.reject': '不通过入会申请',
  'member.update': '修改会员资料',
  'member.setRole': '调整身份',
  'member.handOver': '移交主席',
  'member.remove': '移除会员',
  'member.setDepartments': '修改部门列表',
  'member.setJoinSettings': '修改加入方式',
  'member.bindGroup': '绑定教职工群',
  'member.createInvite': '创建邀请码',
  'member.revokeInvite': '停用邀请码',
  'member.importRoster': '导入名册',
  'member.exportDirectory': '导出会员名册',
}

function text(value: unknown): string | undefined {
  if (value === undefined) return undefined
  return JSON.stringify(value, (_k, v) => (v instanceof Date ? v.toISOString() : v))
}

export const auditRoutes = {
  auditLog: action({
    input: auditInput,
    role: 'chair',
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
      const out: AuditItem[] = items.map((a) => ({
        id: a._id, at: iso(a.at), actorName: a.actorName, action: a.action, actionLabel: LABELS[a.action] ?? a.action,
        target: a.target, before: text(a.before), after: text(a.after), note: a.note,
      }))
      return { items: out, page: input.page, total }
    },
  }),
}

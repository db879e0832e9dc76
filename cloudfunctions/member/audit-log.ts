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
  'notice.createDraft': '起草公告',
  'notice.updateDraft': '修改草稿',
  'notice.publish': '发布公告',
  'notice.correct': '更正公告',
  'notice.withdraw': '撤回公告',
  'notice.pin': '置顶设置',
  'notice.remindUnread': '提醒未读',
  'notice.answerObjection': '答复异议',
  'notice.exportFiling': '导出备案文档',
  'notice.exportLedger': '导出公告台帐',
  'opinion.assign': '分派意见',
  'opinion.reply': '答复意见',
  'opinion.close': '办结意见',
  'opinion.reject': '不予受理',
  'opinion.release': '放行待审内容',
  'opinion.publishQa': '发布问答',
  'opinion.setSettings': '修改意见箱设置',
  'activity.create': '创建活动',
  'activity.edit': '修改活动',
  'activity.publish': '发布活动',
  'activity.cancel': '取消活动',
  'activity.finish': '结束活动',
  'activity.approve': '通过报名',
  'activity.reject': '不通过报名',
  'activity.message': '通知报名者',
  'activity.export': '导出报名名单',
  'activity.checkin': '签到',
  'activity.checkinByRoster': '按名单签到',
  'activity.registerFor': '代报名',
  'welfare.record': '登记慰问',
  'welfare.complete': '完成慰问',
  'welfare.correct': '更正慰问记录',
  'welfare.cancel': '取消慰问',
  'welfare.planCreate': '建立慰问计划',
  'welfare.planClose': '结束慰问计划',
  'welfare.setHardship': '标记困难职工',
  'welfare.disclosureDraft': '起草经费公开',
  'welfare.export': '导出慰问台帐',
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

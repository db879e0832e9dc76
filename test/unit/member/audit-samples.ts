/**
 * One entry per recorded action, shaped exactly as the code records it today (read from each
 * recordAudit call). The sentence test renders each; a new action in the code without a sample here
 * fails that test, so its sentence gets written and looked at.
 */
import type { AuditRecord } from '../../../cloudfunctions/member/audit-sentences'

const M = (id: string, label: string) => ({ kind: 'member', id, label })
const HEX = 'a3f09c1e5b7d4e2f8a6c0b1d2e3f4a5b'
const HEX2 = 'b4e19d2f6c8e5f3a9b7d1c2e3f4a5b6c'
const at = new Date('2026-03-08T02:05:00Z')

export const SAMPLES: AuditRecord[] = [
  { action: 'member.setup', actorName: '王建华', target: M(HEX, '王建华'), after: { role: 'chair' } },
  { action: 'member.join', actorName: '周新来', target: M(HEX, '周新来'), before: { membership: 'pending' }, after: { membership: 'approved', role: 'member', joinedVia: 'invite' } },
  { action: 'member.rejoin', actorName: '郭伟', target: M(HEX, '郭伟'), before: { membership: 'removed' }, after: { membership: 'approved', role: 'member', joinedVia: 'roster' } },
  { action: 'member.approve', actorName: '李晓梅', target: M(HEX, '周新来'), before: { membership: 'removed' }, after: { membership: 'approved', role: 'member', joinedVia: 'approval' }, note: '与导入的名册一致' },
  { action: 'member.reject', actorName: '李晓梅', target: M(HEX, '冒名者'), before: { membership: 'pending' }, after: { membership: 'rejected' }, note: '工号与名册不符' },
  { action: 'member.update', actorName: '王建华', target: M(HEX, '刘芳'), before: { department: '语文组', staffNo: 'JG02036' }, after: { department: '教务处', staffNo: 'JG09999' } },
  { action: 'member.setRole', actorName: '王建华', target: M(HEX, '张明'), before: { role: 'member' }, after: { role: 'committee' } },
  { action: 'member.handOver', actorName: '王建华', target: M(HEX, '李晓梅'), before: { role: 'committee' }, after: { role: 'chair' }, note: '王建华 改任委员' },
  { action: 'member.remove', actorName: '王建华', target: M(HEX, '贾涛'), before: { membership: 'approved', role: 'member' }, after: { membership: 'removed' }, note: '调离本校' },
  { action: 'member.requestChange', actorName: '林小雨', target: M(HEX, '林小雨'), before: { name: '林小雨' }, after: { name: '林晓雨' }, note: '身份证上的名字' },
  { action: 'member.decideChange', actorName: '王建华', target: M(HEX, '林小雨'), before: { name: '林小雨', status: '在职' }, after: { name: '林晓雨', status: '离退休', approved: true } },
  { action: 'member.decideChange', actorName: '王建华', target: M(HEX, '钱多多'), before: { staffNo: 'JG00001' }, after: { staffNo: 'JG07777', approved: false }, note: '工号请先与人事核对' },
  { action: 'member.setDepartments', actorName: '王建华', target: { kind: 'settings', id: 'departments', label: '部门列表' }, before: { departments: ['语文组', '数学组'] }, after: { departments: ['语文组', '数学组', '心理组'] } },
  { action: 'member.setJoinSettings', actorName: '王建华', target: { kind: 'settings', id: 'join_settings', label: '加入方式' }, before: { invite: true }, after: { invite: false } },
  { action: 'member.bindGroup', actorName: '王建华', target: { kind: 'settings', id: 'join_settings', label: '教职工群' }, before: { groupBound: false }, after: { groupBound: true } },
  { action: 'member.createInvite', actorName: '王建华', target: { kind: 'invite', id: 'JGZJ2026', label: '新学期入职教师' }, after: { days: 7, maxUses: 30, autoApprove: true } },
  { action: 'member.revokeInvite', actorName: '王建华', target: { kind: 'invite', id: 'JGZJ2026', label: 'JGZJ2026' }, before: { revoked: false }, after: { revoked: true } },
  { action: 'member.importRoster', actorName: '王建华', target: { kind: 'roster', id: 'rmx3k2a9f', label: '2026年教职工名册.xlsx' }, before: { rows: 40, fileName: '2025名册.xlsx' }, after: { rows: 42, fileName: '2026年教职工名册.xlsx' } },
  { action: 'member.exportDirectory', actorName: '李晓梅', target: { kind: 'export', id: `cloud://env/exports/members/${HEX}/会员名册.xlsx`, label: '会员名册-2026-03-08.xlsx' }, after: { rows: 12, fullPhones: false }, note: '离退休、数学组' },

  { action: 'notice.createDraft', actorName: '李晓梅', target: { kind: 'notice', id: HEX, label: '2026年教师体检安排' }, after: { title: '2026年教师体检安排', category: '校务', visibility: 'internal', state: 'draft' } },
  { action: 'notice.updateDraft', actorName: '李晓梅', target: { kind: 'notice', id: HEX, label: '2026年教师体检安排' }, before: { title: '体检安排', category: '校务', visibility: 'internal', pinned: false, attachments: 0 }, after: { title: '2026年教师体检安排', category: '校务', visibility: 'public', pinned: false, attachments: 1 } },
  { action: 'notice.publish', actorName: '王建华', target: { kind: 'notice', id: HEX, label: '2026年教师体检安排' }, before: { state: 'draft' }, after: { state: 'published', version: 1 } },
  { action: 'notice.correct', actorName: '王建华', target: { kind: 'notice', id: HEX, label: '2026年教师体检安排（更正）' }, before: { version: 1, title: '2026年教师体检安排' }, after: { version: 2, title: '2026年教师体检安排（更正）' }, note: '体检日期写错' },
  { action: 'notice.withdraw', actorName: '王建华', target: { kind: 'notice', id: HEX, label: '旧通知' }, before: { state: 'published' }, after: { state: 'withdrawn' }, note: '已过期' },
  { action: 'notice.pin', actorName: '王建华', target: { kind: 'notice', id: HEX, label: '工会经费公示' }, before: { pinned: false }, after: { pinned: true } },
  { action: 'notice.remindUnread', actorName: '王建华', target: { kind: 'notice', id: HEX, label: '工会经费公示' }, after: { sent: 30, failed: 6 } },
  { action: 'notice.answerObjection', actorName: '王建华', target: { kind: 'notice_objection', id: HEX2, label: '张明' }, after: { answered: true }, note: HEX },
  { action: 'notice.exportFiling', actorName: '王建华', target: { kind: 'notice', id: HEX, label: '工会经费公示' } },
  { action: 'notice.exportLedger', actorName: '王建华', target: { kind: 'notice_ledger', id: '2026-01-01_2026-12-31' }, note: '12 份' },

  { action: 'opinion.assign', actorName: '王建华', target: { kind: 'opinion', id: HEX, label: '食堂晚餐太早' }, before: { state: 'pending', assignee: null }, after: { state: 'processing', assignee: '李晓梅' } },
  { action: 'opinion.reply', actorName: '李晓梅', target: { kind: 'opinion', id: HEX, label: '食堂晚餐太早' }, before: { state: 'processing' }, after: { state: 'replied', reply: '已与后勤商量，下周起晚餐推迟到 17:30。' } },
  { action: 'opinion.close', actorName: '王建华', target: { kind: 'opinion', id: HEX, label: '食堂晚餐太早' }, before: { state: 'replied' }, after: { state: 'closed' } },
  { action: 'opinion.reject', actorName: '王建华', target: { kind: 'opinion', id: HEX, label: '与工会无关' }, before: { state: 'pending' }, after: { state: 'rejected', reason: '属于教务处职责，已转交' } },
  { action: 'opinion.release', actorName: '王建华', target: { kind: 'opinion', id: HEX, label: '（待审内容）' }, before: { held: 'review' }, after: { held: null } },
  { action: 'opinion.publishQa', actorName: '王建华', target: { kind: 'opinion_qa', id: HEX, label: '食堂晚餐能否推迟' }, after: { question: '食堂晚餐能否推迟', answer: '下周起推迟到 17:30。' } },
  { action: 'opinion.setSettings', actorName: '王建华', target: { kind: 'settings', id: 'opinion_settings', label: '意见箱设置' }, before: { dueDays: 7 }, after: { dueDays: 10 } },

  { action: 'activity.create', actorName: '李晓梅', target: { kind: 'activity', id: `act_${HEX.slice(0, 16)}`, label: '教职工体检' }, after: { title: '教职工体检', state: 'draft' } },
  {
    action: 'activity.edit', actorName: '李晓梅', target: { kind: 'activity', id: `act_${HEX.slice(0, 16)}`, label: '教职工体检' },
    before: { place: '校医院', startAt: at, capacity: 80, audience: { kind: 'all' }, cancelPolicy: 'untilStart', fields: [{ key: 'package', label: '套餐', type: 'single', required: true, options: ['A', 'B'] }], guests: { max: 1, countsTowardCapacity: true } },
    after: { place: '市第一医院', startAt: new Date('2026-03-09T01:00:00Z'), capacity: 100, audience: { kind: 'departments', departments: ['语文组'] }, cancelPolicy: 'never', fields: [], frequency: { key: 'tijian', years: 1 }, coverFileId: `cloud://env/activity-covers/${HEX}.jpg` },
  },
  { action: 'activity.publish', actorName: '李晓梅', target: { kind: 'activity', id: `act_${HEX.slice(0, 16)}`, label: '教职工体检' }, before: { state: 'draft' }, after: { state: 'published' } },
  { action: 'activity.cancel', actorName: '李晓梅', target: { kind: 'activity', id: `act_${HEX.slice(0, 16)}`, label: '教职工体检' }, before: { state: 'published' }, after: { state: 'cancelled' }, note: '医院临时调整' },
  { action: 'activity.finish', actorName: '李晓梅', target: { kind: 'activity', id: `act_${HEX.slice(0, 16)}`, label: '教职工体检' }, before: { state: 'published' }, after: { state: 'finished' } },
  { action: 'activity.approve', actorName: '李晓梅', target: { kind: 'registration', id: `act_${HEX.slice(0, 16)}_${HEX}`, label: '疗休养 · 张明' }, after: { state: 'confirmed' } },
  { action: 'activity.reject', actorName: '李晓梅', target: { kind: 'registration', id: `act_${HEX.slice(0, 16)}_${HEX}`, label: '疗休养 · 张明' }, after: { state: 'rejected' }, note: '今年已参加过' },
  { action: 'activity.message', actorName: '李晓梅', target: { kind: 'activity', id: `act_${HEX.slice(0, 16)}`, label: '教职工体检' }, note: '请空腹前往', after: { recipients: 40, delivered: 38 } },
  { action: 'activity.export', actorName: '李晓梅', target: { kind: 'activity', id: `act_${HEX.slice(0, 16)}`, label: '教职工体检' }, note: '导出报名名单 40 行' },
  { action: 'activity.checkin', actorName: '李晓梅', target: { kind: 'registration', id: `act_${HEX.slice(0, 16)}_${HEX}`, label: '教职工体检 · 张明' }, after: { checkedInAt: at.toISOString() } },
  { action: 'activity.checkinByRoster', actorName: '李晓梅', target: { kind: 'registration', id: `act_${HEX.slice(0, 16)}_${HEX}`, label: '教职工体检 · 张明' }, after: { checkedInAt: at.toISOString() }, note: '李晓梅 按名单为 张明 签到' },
  { action: 'activity.registerFor', actorName: '李晓梅', target: { kind: 'registration', id: `act_${HEX.slice(0, 16)}_${HEX}`, label: '教职工体检 · 张明' }, after: { state: 'confirmed', member: '张明' }, note: '李晓梅 代 张明 报名' },

  {
    action: 'welfare.record', actorName: '李晓梅', target: { kind: 'welfareVisit', id: HEX, label: '蒋文华' },
    after: { recipient: { kind: 'member', memberId: HEX2, name: '蒋文华', department: '语文组' }, reason: '生病住院', visitDate: '2026-03-02', visitors: [{ memberId: HEX2, name: '李晓梅' }], cashFen: 50000, gifts: [{ name: '水果', valueFen: 10000 }], fund: '工会经费', notes: '', photos: [], state: 'done' },
  },
  { action: 'welfare.complete', actorName: '李晓梅', target: { kind: 'welfareVisit', id: HEX, label: '蒋文华' }, before: { state: 'planned', photos: [] }, after: { state: 'done', photos: [`cloud://env/welfare-photos/${HEX}.jpg`], followUpOn: '2026-03-16' } },
  { action: 'welfare.correct', actorName: '李晓梅', target: { kind: 'welfareVisit', id: HEX, label: '蒋文华' }, before: { cashFen: 50000 }, after: { cashFen: 30000 }, note: '多记了 200 元' },
  { action: 'welfare.cancel', actorName: '李晓梅', target: { kind: 'welfareVisit', id: HEX, label: '蒋文华' }, before: { state: 'planned' }, after: { state: 'cancelled', cancelReason: '已出院' }, note: '已出院' },
  {
    action: 'welfare.planCreate', actorName: '李晓梅', target: { kind: 'welfarePlan', id: HEX, label: '2026 春节走访' },
    after: { title: '2026 春节走访', reason: '节日慰问', plannedDate: '2026-02-10', filter: { retirees: true, hardship: true, departments: [] }, cashFenEach: 50000, gifts: [{ name: '年货', valueFen: 20000 }], fund: '工会经费', state: 'active', total: 11, createdBy: HEX2, createdAt: at, updatedAt: at, people: ['陈桂兰', '董志刚'] },
  },
  { action: 'welfare.planClose', actorName: '李晓梅', target: { kind: 'welfarePlan', id: HEX, label: '2026 春节走访' }, before: { state: 'active' }, after: { state: 'closed' } },
  { action: 'welfare.setHardship', actorName: '王建华', target: M(HEX, '董志刚'), before: { hardship: false, note: '' }, after: { hardship: true, note: '家属患重病' } },
  { action: 'welfare.disclosureDraft', actorName: '王建华', target: { kind: 'notice', id: HEX, label: '2026 上半年送温暖经费公开' }, after: { from: '2026-01-01', to: '2026-06-30', visibility: 'internal', namedReasons: ['退休'], count: 24, totalFen: 1250000, withheld: 3 } },
  { action: 'welfare.export', actorName: '李晓梅', target: { kind: 'welfareLedger', id: '2026', label: '慰问台账-2026.xlsx' }, note: '36 条' },

  { action: 'poll.create', actorName: '王建华', target: { kind: 'poll', id: HEX, label: '2026 年度中层干部民主测评' }, after: { title: '2026 年度中层干部民主测评', kind: 'appraisal', items: 6 } },
  { action: 'poll.edit', actorName: '王建华', target: { kind: 'poll', id: HEX, label: '2026 年度中层干部民主测评' }, before: { title: '中层干部测评', revision: 1 }, after: { title: '2026 年度中层干部民主测评', revision: 2 } },
  { action: 'poll.discard', actorName: '王建华', target: { kind: 'poll', id: HEX, label: '试投' }, before: { state: 'draft' }, after: { state: 'discarded' } },
  { action: 'poll.open', actorName: '王建华', target: { kind: 'poll', id: HEX, label: '2026 年度中层干部民主测评' }, before: { state: 'draft' }, after: { state: 'open', rosterSize: 40, fingerprint: HEX2 } },
  { action: 'poll.close', actorName: '王建华', target: { kind: 'poll', id: HEX, label: '2026 年度中层干部民主测评' }, before: { state: 'open' }, after: { state: 'closed', outcome: 'valid', rosterSize: 40, receipts: 35, ballots: 35 } },
  { action: 'poll.publish', actorName: '王建华', target: { kind: 'poll', id: HEX, label: '2026 年度中层干部民主测评' }, before: { state: 'closed' }, after: { state: 'published', noticeId: HEX2, publicityDays: 5 } },
  { action: 'poll.runoff', actorName: '王建华', target: { kind: 'poll', id: HEX2, label: '优秀教师评选（第二轮）' }, after: { parentId: HEX, candidates: ['张明', '刘芳'], seats: 1 } },
  { action: 'poll.remind', actorName: '王建华', target: { kind: 'poll', id: HEX, label: '2026 年度中层干部民主测评' }, after: { sent: 4, nonVoters: 5 } },
  { action: 'poll.report', actorName: '王建华', target: { kind: 'poll', id: HEX, label: '2026 年度中层干部民主测评' }, note: 'Word' },
  { action: 'poll.printSlips', actorName: '王建华', target: { kind: 'poll', id: HEX, label: '2026 年度中层干部民主测评' }, after: { count: 5 } },
  { action: 'poll.issueSlip', actorName: '李晓梅', target: { kind: 'poll', id: HEX, label: '2026 年度中层干部民主测评' }, after: { to: '陈桂兰', memberId: HEX2 } },

  { action: 'plan.save', actorName: '王建华', target: { kind: 'plan', id: 'plan_2026', label: '2026年工会工作计划' }, note: '修改了指导思想或重点工作' },
  { action: 'plan.copy', actorName: '王建华', target: { kind: 'plan', id: 'plan_2026', label: '2026年工会工作计划' }, after: { copiedFrom: 2025, items: 24 } },
  { action: 'plan.adopt', actorName: '王建华', target: { kind: 'plan', id: 'plan_2026', label: '2026年工会工作计划' }, after: { state: 'adopted' } },
  { action: 'plan.addItem', actorName: '李晓梅', target: { kind: 'planItem', id: HEX, label: '三八节活动' }, after: { month: 3, title: '三八节活动', ownerName: '李晓梅' } },
  { action: 'plan.editItem', actorName: '李晓梅', target: { kind: 'planItem', id: HEX, label: '三八节活动' }, before: { month: 3, title: '三八节活动', ownerName: '李晓梅' }, after: { month: 3, title: '三八节插花', ownerName: '李晓梅' } },
  { action: 'plan.linkItem', actorName: '李晓梅', target: { kind: 'planItem', id: HEX, label: '三八节活动' }, after: { link: '活动“三八节插花”' } },
  { action: 'plan.cancelItem', actorName: '李晓梅', target: { kind: 'planItem', id: HEX, label: '教师节座谈' }, note: '与学校安排冲突' },
  { action: 'plan.markDone', actorName: '李晓梅', target: { kind: 'planItem', id: HEX, label: '完善离退休人员台帐' }, after: { done: true } },
  { action: 'plan.recordMeeting', actorName: '李晓梅', target: { kind: 'meeting', id: HEX, label: '2026-03-05 工会委员会议' }, after: { attendees: 7, decisions: 2 } },
  { action: 'plan.editMeeting', actorName: '李晓梅', target: { kind: 'meeting', id: HEX, label: '2026-03-05 工会委员会议' }, after: { decisions: 3 } },
  { action: 'plan.exportSummary', actorName: '王建华', target: { kind: 'plan', id: 'plan_2026', label: '2026年工会工作总结' } },
  { action: 'plan.archive', actorName: '王建华', target: { kind: 'plan', id: 'plan_2026', label: '2026年工会台帐.zip' }, note: '12 个文件' },

  { action: 'notify.failed', actorName: '订阅消息', target: { kind: 'template', id: 'memberReviewed', label: '入会审核结果' }, after: { page: 'pages/me/index', recipient: '周新来', errCode: 43101 }, note: '对方没有订阅这条提醒（或一次订阅已用完）' },
]

/**
 * The words of the audit log: Chinese names for every field any function records in an entry's
 * before/after, Chinese names for their coded values, and the fields that are bookkeeping (never
 * shown). audit-sentences.ts turns entries into sentences with these; its test fails on any field
 * a recorded action uses that is neither named nor ignored here.
 */
import { opinionStateLabels } from '../../types/opinion'
import { pollKindLabels } from '../../types/poll'
import { roleLabels } from '../../types/role'
import type { MemberDoc } from './documents'

/** How a member joined (members.joinedVia), as the audit log and the roster name it. */
export type JoinPath = NonNullable<MemberDoc['joinedVia']>

export const PATH_LABELS: Record<JoinPath, string> = {
  seed: '演示数据', setup: '设置码', group: '从教职工群打开', invite: '邀请码', roster: '与名册一致', approval: '委员审核',
}

/** Field → its name in a sentence. Area-specific names override these (AREA_FIELD_NAMES). */
export const FIELD_NAMES: Record<string, string> = {
  // members and joining
  role: '身份', membership: '会员状态', joinedVia: '加入方式', name: '姓名', department: '部门', status: '在职状态',
  gender: '性别', phone: '手机号', birthday: '生日', birthYear: '出生年份', staffNo: '工号', departments: '部门',
  group: '从教职工群加入', invite: '凭邀请码加入', roster: '与名册一致自动通过', groupBound: '教职工群',
  days: '有效天数', maxUses: '可用次数', autoApprove: '直接通过', revoked: '停用', rows: '人数', fileName: '文件',
  fullPhones: '手机号', approved: '同意',
  // notices
  title: '标题', category: '分类', visibility: '公开范围', pinned: '置顶', attachments: '附件数', version: '版本',
  sent: '已发送', failed: '未送达', answered: '已答复',
  // opinions
  state: '状态', assignee: '承办委员', reply: '答复', reason: '原因', held: '待审', question: '问题', answer: '答复',
  dueDays: '办理期限（天）',
  // activities
  description: '介绍', place: '地点', startAt: '开始时间', endAt: '结束时间', signupStartAt: '报名开始', signupEndAt: '报名截止',
  capacity: '名额', waitlist: '候补', audience: '参加对象', fields: '报名时填写', cancelPolicy: '取消规则', needsApproval: '报名需审核',
  guests: '携带家属', frequency: '参加频率', coverFileId: '封面', recipients: '收件人数', delivered: '送达人数', checkedInAt: '签到时间',
  // welfare
  recipient: '慰问对象', visitDate: '慰问日期', visitors: '慰问人', cashFen: '慰问金', gifts: '慰问品', fund: '经费来源',
  notes: '备注', photos: '照片', followUpOn: '回访日期', cancelReason: '取消原因', hardship: '困难职工', note: '说明',
  plannedDate: '计划日期', filter: '名单范围', cashFenEach: '每人慰问金', total: '人数', people: '名单',
  from: '起始日期', to: '截止日期', namedReasons: '公开姓名的事由', count: '条数', totalFen: '合计金额', withheld: '不具名',
  retirees: '离退休人员', key: '系列',
}

/** Names that differ in one area (`welfare.reason` is the 慰问事由, not a refusal's reason). */
export const AREA_FIELD_NAMES: Record<string, Record<string, string>> = {
  welfare: { reason: '慰问事由', state: '状态', total: '人数' },
  activity: { state: '状态' },
  notify: { recipient: '收件人' },
  poll: {
    kind: '类型', items: '对象数', rosterSize: '选民人数', receipts: '已投票人数', ballots: '选票数', outcome: '结果', publicityDays: '公示天数',
    candidates: '候选人', seats: '名额', nonVoters: '未投票人数', count: '张数', to: '交给',
  },
}

/** Fields never shown in one area (e.g. a poll's roster fingerprint). */
export const AREA_IGNORED: Record<string, Set<string>> = {
  poll: new Set(['fingerprint', 'noticeId', 'parentId']),
}

/** Coded values that mean something only in one area. */
export const AREA_VALUE_NAMES: Record<string, Record<string, Record<string, string>>> = {
  poll: { kind: { ...pollKindLabels }, outcome: { valid: '有效', void: '无效（未达到规定人数）' } },
}

/** Fields kept for the record but never part of a sentence (ids, timestamps, counters). */
export const IGNORED_FIELDS = new Set([
  '_id', 'createdAt', 'updatedAt', 'createdBy', 'updatedBy', 'revision', 'month', 'giftFen', 'planId', 'memberId', 'kind',
  'at', 'filters', 'phones', 'previousChairRole', 'chair', 'seatsTaken', 'confirmedCount', 'pendingCount', 'waitlistCount', 'waitSeq',
  'publishedAt', 'options', 'type', 'required', 'countsTowardCapacity', 'max', 'years', 'valueFen', 'page', 'errCode',
])

const YES_NO: Record<string, string> = { true: '是', false: '否' }

/** Coded values → Chinese, by field. Values already in Chinese (分类, 事由, 经费来源…) pass through. */
export const VALUE_NAMES: Record<string, Record<string, string>> = {
  role: { ...roleLabels },
  membership: { pending: '待审核', approved: '在册', rejected: '未通过', removed: '已移除' },
  joinedVia: { ...PATH_LABELS },
  visibility: { internal: '对内公开', public: '对外公开' },
  cancelPolicy: { untilSignupEnd: '报名截止前可取消', untilStart: '活动开始前可取消', never: '报名后不可取消' },
  audienceKind: { all: '全体会员', 在职: '在职会员', 离退休: '离退休会员', female: '女教职工', departments: '指定部门' },
  groupBound: { true: '已绑定', false: '未绑定' },
  group: { true: '开启', false: '关闭' },
  invite: { true: '开启', false: '关闭' },
  roster: { true: '开启', false: '关闭' },
  fullPhones: { true: '完整', false: '隐藏中间四位' },
}

/** `state` means something different in each area. */
export const STATE_NAMES: Record<string, Record<string, string>> = {
  notice: { draft: '草稿', published: '已发布', withdrawn: '已撤回' },
  opinion: { ...opinionStateLabels },
  activity: { draft: '草稿', published: '已发布', cancelled: '已取消', finished: '已结束', confirmed: '报名成功', pending: '待审核', waitlisted: '候补', rejected: '未通过' },
  welfare: { planned: '计划中', done: '已完成', cancelled: '已取消', active: '进行中', closed: '已结束' },
  member: { pending: '待审核', approved: '在册', rejected: '未通过', removed: '已移除' },
  poll: { draft: '草稿', opening: '正在开启', open: '投票中', closing: '正在结束', closed: '已结束', published: '已公布', discarded: '已放弃' },
}

export function yesNo(value: boolean, field: string): string {
  return VALUE_NAMES[field]?.[String(value)] ?? YES_NO[String(value)]
}

/** Short names of actions for the log's filter and headings. */
export const ACTION_LABELS: Record<string, string> = {
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
  'member.join': '加入工会',
  'member.rejoin': '重新加入工会',
  'member.requestChange': '申请修改资料',
  'member.decideChange': '处理资料变更申请',
  'notify.failed': '订阅消息未送达',
  'poll.create': '创建投票',
  'poll.edit': '修改投票',
  'poll.discard': '放弃投票草稿',
  'poll.open': '开启投票',
  'poll.close': '结束投票',
  'poll.publish': '公布投票结果',
  'poll.runoff': '发起第二轮投票',
  'poll.remind': '提醒未投票',
  'poll.report': '导出投票报告',
  'poll.printSlips': '打印评议码',
  'poll.issueSlip': '发放评议码',
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

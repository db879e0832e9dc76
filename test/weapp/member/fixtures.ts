/**
 * Canned member-function answers for the member pages, each checked against the types/ schema the
 * app parses it with (a wrong fixture fails here, by field, instead of as an error state).
 */
import {
  auditOutput, changeRequestsOutput, departmentsOutput, directoryOutput, inviteItem, joinSettings, memberProfile, queueOutput, rosterStatusOutput,
} from '../../../types/member'
import { deskOutput } from '../../../types/desk'
import * as z from 'zod/mini'
import { checked, hexId, page } from '../support/fixtures'

export const ids = { wang: hexId('王建华'), li: hexId('李晓梅'), zhang: hexId('张明'), zhou: hexId('周新来'), lin: hexId('林小雨') }

const profile = (over: Partial<z.input<typeof memberProfile>>) => checked(memberProfile, {
  id: ids.zhang, name: '张明', department: '数学组', status: '在职', gender: '男', phone: '13957120000', birthday: '03-08', staffNo: 'JG02015',
  role: 'member', membership: 'approved', joinedVia: 'roster', createdAt: '2026-01-05T02:00:00.000Z', approvedAt: '2026-01-05T02:00:00.000Z', revision: 3, ...over,
}, 'memberProfile')

export const zhang = profile({})
export const zhangAsking = profile({ changeRequest: { id: hexId('req'), state: 'pending', changes: { name: '张明明' }, reason: '户口本改名', createdAt: '2026-11-20T02:00:00.000Z' } })
export const applicantProfile = profile({ id: ids.zhou, name: '周新来', department: '语文组', membership: 'pending', role: 'member', approvedAt: undefined, staffNo: undefined })
export const liCommittee = profile({ id: ids.li, name: '李晓梅', department: '语文组', role: 'committee', phone: '139****0001' })

export const departments = checked(departmentsOutput, { departments: ['语文组', '数学组', '英语组', '行政办公室'] })

export const queue = checked(queueOutput, page([
  { id: ids.zhou, name: '周新来', department: '语文组', status: '在职', staffNo: 'JG03009', appliedAt: '2026-11-18T01:00:00.000Z', hint: '名册中没有这个工号' },
  { id: hexId('赵新'), name: '赵新', department: '英语组', status: '在职', appliedAt: '2026-11-20T01:00:00.000Z', hint: '未填写工号' },
]))

export const changes = checked(changeRequestsOutput, page([
  { id: hexId('req'), memberId: ids.lin, memberName: '林小雨', department: '语文组', current: { name: '林小雨' }, changes: { name: '林晓雨' }, reason: '身份证上的名字是“晓”', createdAt: '2026-11-21T01:00:00.000Z' },
]))

export const directory = checked(directoryOutput, page([
  { id: ids.wang, name: '王建华', department: '行政办公室', status: '在职', role: 'chair', phone: '13957120000' },
  { id: ids.li, name: '李晓梅', department: '语文组', status: '在职', role: 'committee', phone: '13957121733' },
  { id: ids.zhang, name: '张明', department: '数学组', status: '在职', role: 'member', phone: '13957123466' },
], 39))

export const audit = checked(auditOutput, page([
  { id: hexId('a1'), at: '2026-11-21T03:00:00.000Z', actorName: '王建华', action: 'member.setRole', actionLabel: '调整身份', sentence: '王建华 把 张明 的身份 从 会员 改为 委员。', targetId: ids.zhang },
  { id: hexId('a2'), at: '2026-11-20T03:00:00.000Z', actorName: '李晓梅', action: 'welfare.correct', actionLabel: '更正慰问记录', sentence: '李晓梅 把 蒋文华 的慰问金 从 500.00 元 改为 300.00 元，原因：多记了 200 元。', targetId: hexId('v1') },
]))

export const joinPaths = checked(joinSettings, { group: true, invite: true, roster: true, groupBound: false })
export const invites = checked(z.object({ items: z.array(inviteItem) }), { items: [
  { code: 'JGZJ2026', note: '新学期入职教师', expiresAt: '2026-12-20T16:00:00.000Z', maxUses: 20, uses: 3, autoApprove: true, state: 'active', createdAt: '2026-11-19T02:00:00.000Z' },
] })
export const roster = checked(rosterStatusOutput, { rows: 42, importedAt: '2026-10-22T02:00:00.000Z', fileName: '2026年教职工名册.xlsx' })

export const desk = checked(deskOutput, { items: [
  { key: 'member.queue', title: '入会审核', count: 2, url: '/packages/member/pages/queue/index', urgent: true },
  { key: 'member.changes', title: '资料变更申请', count: 0, url: '/packages/member/pages/queue/index?tab=changes', urgent: false },
] })

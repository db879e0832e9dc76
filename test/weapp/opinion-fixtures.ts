/**
 * Realistic answers for the opinion pages on the weapp build. Every one is parsed by the same
 * schema the app parses it with (a wrong fixture would otherwise show the page's error state),
 * and ids look like the ones the functions create (32 hex). The harness fails a test whose page
 * logs an error or a `[call] … schema` warning (support/console-guard.ts).
 */
import { memberMeOutput } from '../../types/member'
import {
  opinionAssigneesOutput, opinionCase, opinionCheckCodeOutput, opinionInboxOutput, opinionListQaOutput, opinionMineOutput,
  opinionPublicStatsOutput, opinionSettings, opinionStatsOutput, opinionView,
} from '../../types/opinion'
import { ok, type CloudAnswer } from './support/load-page'
import { checked as valid } from './support/fixtures'

export const ids = { anon: '6f253c0a9d1e4b7f8a2c5e1d3b9f7a60', named: 'c30ddf99e3528fa342873c3a5e4cc2e8', chair: 'a1b2c3d4e5f60718293a4b5c6d7e8f90', committee: '0f9e8d7c6b5a49382716f5e4d3c2b1a0' }
export const CODE = 'M3XE6DTJ26NN5PV6'

export const me = {
  visitor: valid(memberMeOutput, { role: 'visitor', member: null }),
  member: valid(memberMeOutput, { role: 'member', member: { id: 'm1', name: '王芳', department: '语文组', status: '在职', roleLabel: '会员' } }),
  retired: valid(memberMeOutput, { role: 'member', member: { id: 'm4', name: '陈桂兰', department: '退休教师', status: '离退休', roleLabel: '会员' } }),
  committee: valid(memberMeOutput, { role: 'committee', member: { id: ids.committee, name: '李晓梅', department: '数学组', status: '在职', roleLabel: '委员' } }),
  chair: valid(memberMeOutput, { role: 'chair', member: { id: ids.chair, name: '王建华', department: '校办', status: '在职', roleLabel: '主席' } }),
}
export type Who = keyof typeof me

export const qa = valid(opinionListQaOutput, {
  page: 1, total: 1,
  items: [{ id: 'b7e1c2d3a4f5061728394a5b6c7d8e9f', category: '食堂', question: '食堂晚餐能否延长到 19 点？', answer: '已与后勤协商，下周起延长到 19:00。', publishedAt: '2026-11-15T02:00:00.000Z' }],
})

export const mine = valid(opinionMineOutput, {
  page: 1, total: 1,
  items: [{ id: ids.named, category: '后勤保障', text: '三楼饮水机坏了，请尽快维修。', state: 'processing', submittedOn: '2026-11-18', dueOn: '2099-11-25', replyCount: 1, lastReply: { text: '已报修，本周内更换。', on: '2026-11-19' } }],
})

export const publicStats = valid(opinionPublicStatsOutput, {
  year: 2026, total: 14,
  byCategory: [{ key: '食堂', count: 6 }, { key: '后勤保障', count: 5 }, { key: '师德师风', count: 2 }, { key: '其他', count: 1 }],
  byMonth: [{ from: '2026-01', to: '2026-04', count: 6 }, { from: '2026-05', to: '2026-11', count: 8 }],
  monthsMerged: true, replyRate: 0.86, medianDaysToReply: 3, satisfiedShare: null,
})

export const inbox = valid(opinionInboxOutput, {
  page: 1, total: 2,
  items: [
    { id: ids.anon, category: '教育教学', text: '期中考试后各类检查表格太多，能否精简？', anonymous: true, state: 'pending', submittedOn: '2026-11-19', dueOn: '2026-11-27', overdue: false, replyCount: 0 },
    { id: ids.named, category: '后勤保障', text: '三楼饮水机坏了，请尽快维修。', anonymous: false, state: 'processing', submittedOn: '2026-11-01', dueOn: '2026-11-08', overdue: true, assigneeName: '李晓梅', replyCount: 0 },
  ],
})

export const chairCase = valid(opinionCase, {
  id: ids.anon, category: '教育教学', text: '期中考试后各类检查表格太多，能否精简？', imageUrls: ['https://127.0.0.1/files/local/opinion-images/aa.jpg'], anonymous: true,
  state: 'pending', submittedOn: '2026-11-19', dueOn: '2026-11-27', overdue: false, replies: [], followUps: [],
  can: { assign: true, reply: false, close: false, reject: true, release: false, publish: false },
})

export const committeeCase = valid(opinionCase, {
  ...chairCase, state: 'processing', assignee: { id: ids.committee, name: '李晓梅' },
  can: { assign: false, reply: true, close: false, reject: false, release: false, publish: false },
})

export const assignees = valid(opinionAssigneesOutput, { items: [{ id: ids.chair, name: '王建华', role: 'chair' }, { id: ids.committee, name: '李晓梅', role: 'committee' }] })

export const anonView = valid(opinionView, {
  anonymous: true, category: '食堂', text: '晚餐窗口能否延长到七点？', imageUrls: [], state: 'replied', submittedOn: '2026-11-20', dueOn: '2026-11-28', overdue: false,
  replies: [{ text: '已延长到 19:00。', on: '2026-11-22' }], followUps: [],
})

export const waitingView = valid(opinionView, {
  anonymous: true, category: '食堂', text: '今天刚写的匿名意见：停车场晚上能否开灯？', imageUrls: [], state: 'pending', submittedOn: '2026-11-22', overdue: false, replies: [], followUps: [],
})

export const namedView = valid(opinionView, { ...anonView, id: ids.named, anonymous: false, text: '三楼饮水机坏了，请尽快维修。', state: 'processing', replies: [] })

export const checkCode = valid(opinionCheckCodeOutput, { state: 'replied', replyCount: 2 })

export const stats = valid(opinionStatsOutput, {
  year: 2026, total: 14, byCategory: publicStats.byCategory,
  byMonth: [{ key: '2026-10', count: 5 }, { key: '2026-11', count: 9 }],
  replyRate: 0.86, medianDaysToReply: 3, satisfaction: [{ rating: 'satisfied', count: 4 }, { rating: 'fair', count: 1 }, { rating: 'dissatisfied', count: 0 }],
  overdue: 1, held: 1,
})

export const settings = valid(opinionSettings, { dueDays: 7 })

const empty = { items: [], page: 1, total: 0 }

/**
 * Answers member.me as `who` and each `opinion.<action>` from `answers` (a value, or a function of
 * the input returning the envelope); the tab's Q&A and statistics by default; an empty page otherwise.
 */
export function opinionCloud(who: Who, answers: Record<string, unknown> = {}): CloudAnswer {
  // the handler page asks 教代会 whether the caller may turn the item into a proposal (no session here)
  const noCongress = { sessionId: null, title: null, delegate: false, committee: false, handlerCases: 0, invitations: 0, toRate: 0 }
  const all: Record<string, unknown> = { 'opinion.listQa': qa, 'opinion.publicStats': publicStats, 'congress.mine': noCongress, ...answers }
  return (name, data) => {
    if (name === 'member' && data.action === 'me') return ok(me[who])
    const value = all[`${name}.${String(data.action)}`]
    if (value === undefined) return ok(empty)
    return typeof value === 'function' ? value(data) : ok(value)
  }
}

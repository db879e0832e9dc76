/**
 * Ids the app itself creates pass every input schema that takes them (#12.8). Records are made
 * through the functions, as people make them — members who applied and were approved (32-hex ids),
 * a notice with an objection, an activity with a registration (`<activityId>_<memberId>`, 65
 * characters), a named opinion, a visit and a holiday plan whose entries are `<planId>_<memberId>`
 * (65), files staged under uploads/<domain>/ — and then every id-taking action of every function is
 * called with them. None may answer BAD_INPUT for an id field (nor a handler's BAD_INPUT, INTERNAL or FORBIDDEN —
 * each caller may call its action): seeded short ids hid
 * exactly this (a plan entry could not be ticked off for anyone who joined through the app).
 *
 * Id-taking actions are found by walking each action's input schema (fields named `id`, `…Id`,
 * `…Ids`); a function or action that takes an id and has no row below fails here, so new ones are
 * added as they land.
 */
import fs from 'node:fs'
import path from 'node:path'
import crypto from 'node:crypto'
import type { Routes } from '../../cloudfunctions/_shared/dispatch'
import { addDays, shanghaiDate } from '../../cloudfunctions/_shared/time'
import { sdkFor } from '../support/cloud'
import { callAs, seededEnv } from './helpers'
import { joinThroughApp, rid } from './welfare-support'
import { DEMO_SESSION_ID, demoProposalId as P } from '../../emulator/seed/congress'
import { callerOpenids } from './callers'

jest.setTimeout(300_000)

type Caller = Parameters<typeof callAs>[1]
interface Row {
  as: () => Caller
  input: () => Record<string, unknown>
  /** 1: runs after the others, it may change the records (remove, withdraw …); 2: at the very end (hands the chair over) */
  last?: 1 | 2
}

/* ───────────── which fields are ids ───────────── */

/** Not ids of records the app made: a WeChat group id / cloudID, and the client's own request id (checked apart). */
const NOT_RECORD_IDS = new Set(['openGId', 'groupCloudId', 'requestId'])
const defOf = (s: any) => s._zod.def
function core(s: any): any {
  for (let i = 0; i < 20; i++) {
    const d = defOf(s)
    if (['optional', 'default', 'nullable', 'readonly', 'prefault', 'catch'].includes(d.type)) s = d.innerType
    else if (d.type === 'pipe') s = d.in
    else if (d.type === 'lazy') s = d.getter()
    else return s
  }
  return s
}
/** Paths of id fields in a schema, array items as '[]' (e.g. `visitorIds.[]`, `recipient.memberId`). */
export function idPaths(schema: any, at: string[] = [], depth = 0): string[] {
  if (depth > 8) return []
  const d = defOf(core(schema))
  if (d.type === 'object') return Object.entries(d.shape).flatMap(([k, f]) => idPaths(f, [...at, k], depth + 1))
  if (d.type === 'array') return idPaths(d.element, [...at, '[]'], depth + 1)
  if (d.type === 'union') return [...new Set((d.options as any[]).flatMap((o) => idPaths(o, at, depth + 1)))]
  const name = at.filter((p) => p !== '[]').at(-1) ?? ''
  return /^(id|ids)$|Ids?$/.test(name) && !NOT_RECORD_IDS.has(name) ? [at.join('.')] : []
}

const root = path.resolve(__dirname, '../..')
function allFunctions(): Record<string, Routes> {
  const dir = path.join(root, 'cloudfunctions')
  const out: Record<string, Routes> = {}
  for (const name of fs.readdirSync(dir).sort()) {
    if (name.startsWith('_') || !fs.existsSync(path.join(dir, name, 'routes.ts'))) continue
    out[name] = require(path.join(dir, name, 'routes.ts')).routes as Routes
  }
  return out
}

/* ───────────── records made through the functions ───────────── */

const today = shanghaiDate(new Date())
const HOUR = 3_600_000
const iso = (ms: number) => new Date(Date.now() + ms).toISOString()
const activityDraft = (over: Record<string, unknown> = {}) => ({
  title: '教职工羽毛球赛', category: '文体', description: '单打', place: '体育馆', startAt: iso(72 * HOUR), endAt: iso(75 * HOUR),
  signupStartAt: iso(-HOUR), signupEndAt: iso(48 * HOUR), capacity: 5, waitlist: true, audience: { kind: 'all' }, cancelPolicy: 'untilStart',
  needsApproval: true, fields: [], ...over,
})
let env: string
const made: Record<string, string> = {}
let member: { id: string; openid: string }
let colleague: { id: string; openid: string }

async function ok(what: string, answer: Promise<any>): Promise<any> {
  const r = await answer
  if (!r.ok) throw new Error(`${what} failed: ${r.code} ${r.message}`)
  return r.data
}

async function staged(folder: string, ext: string, bytes: Buffer): Promise<string> {
  const res = await sdkFor(env).cloud.uploadFile({ cloudPath: `uploads/${folder}/${crypto.randomBytes(12).toString('hex')}.${ext}`, fileContent: bytes })
  return res.fileID
}

beforeAll(async () => {
  ({ env } = await seededEnv('ids-from-functions'))
  member = await joinThroughApp(env, { name: '欧阳志远' })
  colleague = await joinThroughApp(env, { name: '司徒静怡', status: '离退休' })
  await ok('setRole', callAs(env, 'chair', 'member', { action: 'setRole', memberId: colleague.id, role: 'committee' }))
  // An applicant still waiting (a 32-hex id too).
  const applicant = { openid: `o_test_ids_${crypto.randomBytes(4).toString('hex')}` }
  await ok('apply', callAs(env, applicant, 'member', { action: 'apply', requestId: rid(), name: '尉迟新', department: '数学组', status: '在职' }))
  made.applicant = (await ok('queue', callAs(env, 'chair', 'member', { action: 'queue', page: 1 }))).items.find((i: any) => i.name === '尉迟新').id

  // A notice with a 公示期, published, and a member's objection.
  made.notice = (await ok('createDraft', callAs(env, 'committee', 'notice', {
    action: 'createDraft', requestId: rid(), title: '2026年教职工体检安排公示', category: '校务', visibility: 'internal',
    body: [{ type: 'paragraph', text: '体检安排如下，请各位老师留意。' }], publicity: { startDate: today, endDate: addDays(today, 7) },
  }))).id
  await ok('publish', callAs(env, 'chair', 'notice', { action: 'publish', id: made.notice }))
  made.objection = (await ok('object', callAs(env, { openid: member.openid }, 'notice', { action: 'object', requestId: rid(), id: made.notice, text: '体检名单漏了我们组的两位老师。' }))).id

  // An activity with a registration by the member.
  made.activity = (await ok('save', callAs(env, 'committee', 'activity', { action: 'save', requestId: rid(), activity: activityDraft() }))).id
  await ok('publish activity', callAs(env, 'committee', 'activity', { action: 'publish', id: made.activity }))
  made.registration = (await ok('register', callAs(env, { openid: member.openid }, 'activity', { action: 'register', requestId: rid(), activityId: made.activity, answers: {} }))).id

  // A named opinion.
  made.opinion = (await ok('submit', callAs(env, { openid: member.openid }, 'opinion', {
    action: 'submit', requestId: rid(), category: '食堂', text: '食堂晚餐能否延长供应到六点半？', anonymous: false,
  }))).id

  // A visit and a holiday plan with the two app members (entries `<planId>_<memberId>`).
  made.visit = (await ok('record', callAs(env, 'committee', 'welfare', {
    action: 'record', requestId: rid(), recipient: { kind: 'member', memberId: member.id }, reason: '生日', visitDate: today, cashYuan: '0', fund: '工会经费',
  }))).id
  await ok('setHardship', callAs(env, 'committee', 'welfare', { action: 'setHardship', memberId: member.id, hardship: true, note: '' }))
  const preview = await ok('planPreview', callAs(env, 'committee', 'welfare', { action: 'planPreview', filter: { hardship: true } }))
  const others = preview.people.map((p: any) => p.id).filter((id: string) => id !== member.id)
  made.plan = (await ok('planCreate', callAs(env, 'committee', 'welfare', {
    action: 'planCreate', requestId: rid(), title: '春节慰问', plannedDate: addDays(today, 20), filter: { hardship: true }, excludeIds: others, cashYuan: '500', fund: '工会经费',
  }))).id
  made.entry = `${made.plan}_${member.id}`

  // A member's request to change a verified field, and a secret-ballot poll of the two app members.
  await ok('requestChange', callAs(env, { openid: colleague.openid }, 'member', { action: 'requestChange', requestId: rid(), status: '在职', reason: '已返聘回校' }))
  made.change = (await ok('changeRequests', callAs(env, 'chair', 'member', { action: 'changeRequests' }))).items[0].id
  const poll = { title: '绩效工资分配方案票决', kind: 'vote', closesAt: iso(72 * HOUR), items: [{ name: '绩效工资分配方案', note: '' }], electorate: { kind: 'members', memberIds: [member.id, colleague.id] } }
  const saved = await ok('poll.save', callAs(env, 'chair', 'poll', { action: 'save', requestId: rid(), ...poll }))
  made.poll = saved.id
  made.pollItem = (await ok('poll.open', callAs(env, 'chair', 'poll', { action: 'open', id: saved.id, revision: saved.revision }))).items[0].id
  made.pollDraft = (await ok('poll.save draft', callAs(env, 'chair', 'poll', { action: 'save', requestId: rid(), ...poll, title: '第二份草稿' }))).id

  made.rosterFile = await staged('roster', 'csv', Buffer.from('姓名,部门,工号,在职状态\n欧阳志远,语文组,JG09001,在职\n'))
  made.coverFile = await staged('activity', 'jpg', Buffer.from([0xff, 0xd8, 0xff, 0xd9]))
  made.attachment = await staged('notice', 'pdf', Buffer.from('%PDF-1.4\n%%EOF\n'))

  // Plan items owned by the app-made committee member, and a meeting whose decision became an item.
  for (const k of ['planEdit', 'planLink', 'planCancel', 'planDone']) {
    made[k] = (await ok(`plan.addItem ${k}`, callAs(env, 'committee', 'plan', { action: 'addItem', ...planItem() }))).id
  }
  made.meeting = (await ok('plan.recordMeeting', callAs(env, 'committee', 'plan', { action: 'recordMeeting', ...meetingInput() }))).id
})
const planItem = () => ({ requestId: rid(), year: 2026, month: 5, title: '教职工运动会', category: '文体活动', ownerId: colleague.id })
const meetingInput = () => ({
  requestId: rid(), type: '工会委员会议', date: today, place: '会议室', attendeeIds: [member.id], absent: [{ memberId: colleague.id, reason: '外出' }],
  decisions: [{ text: '筹备运动会', ownerId: colleague.id, due: today }],
})

/* ───────────── every id-taking action, with those ids ───────────── */

const chair = () => 'chair' as Caller
const committee = () => 'committee' as Caller
const asMember = () => ({ openid: member.openid }) as Caller
const paragraph = [{ type: 'paragraph', text: '更正后的内容。' }]

const ROWS: Record<string, Row> = {
  'member.approve': { as: committee, input: () => ({ memberId: made.applicant }) },
  'member.reject': { as: committee, input: () => ({ memberId: made.applicant, reason: '信息不全' }) },
  'member.get': { as: committee, input: () => ({ memberId: member.id }) },
  'member.update': { as: chair, input: () => ({ memberId: member.id }) },
  'member.setRole': { as: chair, input: () => ({ memberId: member.id, role: 'member' }) },
  'member.decideChange': { as: chair, input: () => ({ id: made.change, approve: true }) },
  'member.importRoster': { as: chair, input: () => ({ fileId: made.rosterFile }) },
  'member.auditLog': { as: chair, input: () => ({ actorId: colleague.id, targetId: made.entry }) },
  'member.remove': { as: chair, input: () => ({ memberId: made.applicant, reason: '重复申请' }), last: 1 },
  'member.handOver': { as: chair, input: () => ({ memberId: made.applicant }), last: 2 },

  'notice.get': { as: asMember, input: () => ({ id: made.notice }) },
  'notice.file': { as: asMember, input: () => ({ id: made.notice, index: 0 }) },
  'notice.createDraft': {
    as: committee,
    input: () => ({ requestId: rid(), title: '附件测试', category: '校务', visibility: 'internal', body: paragraph, attachments: [{ fileId: made.attachment, name: '名单.pdf' }], link: { kind: 'activity', id: made.activity } }),
  },
  'notice.updateDraft': {
    as: committee,
    input: () => ({ id: made.notice, title: '附件测试', category: '校务', visibility: 'internal', body: paragraph, attachments: [{ fileId: made.attachment, name: '名单.pdf' }], link: { kind: 'activity', id: made.activity } }),
  },
  'notice.pin': { as: chair, input: () => ({ id: made.notice, pinned: true }) },
  'notice.readers': { as: chair, input: () => ({ id: made.notice }) },
  'notice.remindUnread': { as: chair, input: () => ({ id: made.notice }) },
  'notice.object': { as: asMember, input: () => ({ requestId: rid(), id: made.notice, text: '第二条时间与通知不一致。' }) },
  'notice.objections': { as: chair, input: () => ({ id: made.notice }) },
  'notice.answerObjection': { as: chair, input: () => ({ objectionId: made.objection, answer: '已补充两位老师。' }) },
  'notice.exportFiling': { as: chair, input: () => ({ id: made.notice }) },
  'notice.correct': { as: chair, input: () => ({ id: made.notice, version: 1, title: '2026年教职工体检安排公示（更正）', body: paragraph, attachments: [{ fileId: made.attachment, name: '名单.pdf' }], reason: '补充名单' }), last: 1 },
  'notice.withdraw': { as: chair, input: () => ({ id: made.notice, reason: '安排有变' }), last: 1 },
  'notice.publish': { as: chair, input: () => ({ id: made.notice }), last: 1 },

  'opinion.view': { as: asMember, input: () => ({ id: made.opinion }) },
  'opinion.case': { as: committee, input: () => ({ id: made.opinion }) },
  'opinion.assign': { as: chair, input: () => ({ id: made.opinion, assigneeId: colleague.id }) },
  'opinion.reply': { as: chair, input: () => ({ id: made.opinion, text: '已与食堂沟通，下周起延长。' }) },
  'opinion.publishQa': { as: chair, input: () => ({ id: made.opinion, question: '食堂晚餐能否延长供应？', answer: '下周起延长到六点半。' }) },
  'opinion.release': { as: chair, input: () => ({ id: made.opinion }) },
  'opinion.close': { as: committee, input: () => ({ id: made.opinion }), last: 1 },
  'opinion.reject': { as: chair, input: () => ({ id: made.opinion, reason: '不属于工会职责范围' }), last: 1 },

  'activity.detail': { as: asMember, input: () => ({ id: made.activity }) },
  'activity.checkinToken': { as: asMember, input: () => ({ activityId: made.activity }) },
  'activity.save': { as: committee, input: () => ({ requestId: rid(), activity: activityDraft({ title: '封面测试', coverFileId: made.coverFile }) }) },
  'activity.editAnswers': { as: asMember, input: () => ({ activityId: made.activity, answers: {}, revision: 1 }) },
  'activity.registerFor': { as: committee, input: () => ({ requestId: rid(), activityId: made.activity, memberId: colleague.id, answers: {} }) },
  'activity.checkinByRoster': { as: committee, input: () => ({ registrationId: made.registration }) },
  'activity.editable': { as: committee, input: () => ({ id: made.activity }) },
  'activity.roster': { as: committee, input: () => ({ activityId: made.activity }) },
  'activity.exportRoster': { as: committee, input: () => ({ id: made.activity }) },
  'activity.decide': { as: committee, input: () => ({ registrationId: made.registration, approve: true }) },
  'activity.message': { as: committee, input: () => ({ activityId: made.activity, text: '明早八点集合' }) },
  'activity.register': { as: asMember, input: () => ({ requestId: rid(), activityId: made.activity, answers: {} }) },
  'activity.cancel': { as: asMember, input: () => ({ activityId: made.activity }), last: 1 },
  'activity.publish': { as: committee, input: () => ({ id: made.activity }), last: 1 },
  'activity.finish': { as: committee, input: () => ({ id: made.activity }), last: 1 },
  'activity.cancelActivity': { as: committee, input: () => ({ id: made.activity, reason: '场馆检修' }), last: 1 },

  'poll.detail': { as: asMember, input: () => ({ id: made.poll }) },
  'poll.cast': { as: asMember, input: () => ({ id: made.poll, ballot: { votes: [{ itemId: made.pollItem, choice: 'for' }] } }) },
  'poll.checkSlip': { as: asMember, input: () => ({ id: made.poll, code: 'ABCDE-FGHJK' }) },
  'poll.castBySlip': { as: asMember, input: () => ({ id: made.poll, code: 'ABCDE-FGHJK', ballot: { votes: [{ itemId: made.pollItem, choice: 'for' }] } }) },
  'poll.results': { as: asMember, input: () => ({ id: made.poll }) },
  'poll.comments': { as: asMember, input: () => ({ id: made.poll, itemId: made.pollItem }) },
  'poll.ballots': { as: asMember, input: () => ({ id: made.poll }) },
  'poll.findBallot': { as: asMember, input: () => ({ id: made.poll, tracker: 'ABCD-EFGH' }) },
  'poll.console': { as: committee, input: () => ({ id: made.poll }) },
  'poll.save': {
    as: chair,
    input: () => ({ requestId: rid(), title: '新草稿', kind: 'vote', closesAt: new Date(Date.now() + 72 * HOUR).toISOString(), items: [{ name: '方案', note: '' }], electorate: { kind: 'members', memberIds: [member.id, colleague.id] } }),
  },
  'poll.previewElectorate': { as: committee, input: () => ({ electorate: { kind: 'members', memberIds: [member.id, colleague.id] } }) },
  'poll.report': { as: committee, input: () => ({ id: made.poll, format: 'xlsx' }) },
  'poll.printSlips': { as: chair, input: () => ({ id: made.poll, count: 1, requestId: rid() }) },
  'poll.issueSlip': { as: chair, input: () => ({ id: made.poll, memberId: colleague.id }) },
  'poll.nonVoters': { as: chair, input: () => ({ id: made.poll }) },
  'poll.remind': { as: chair, input: () => ({ id: made.poll }) },
  'poll.discard': { as: committee, input: () => ({ id: made.pollDraft }), last: 1 },
  'poll.open': { as: chair, input: () => ({ id: made.pollDraft, revision: 1 }), last: 1 },
  'poll.close': { as: chair, input: () => ({ id: made.poll }), last: 1 },
  'poll.publish': { as: chair, input: () => ({ id: made.poll, publicityDays: 5 }), last: 1 },
  'poll.runoff': { as: chair, input: () => ({ id: made.poll }), last: 1 },

  'welfare.list': { as: committee, input: () => ({ memberId: member.id, planId: made.plan }) },
  'welfare.summary': { as: committee, input: () => ({ memberId: member.id }) },
  'welfare.export': { as: committee, input: () => ({ memberId: member.id }) },
  'welfare.get': { as: committee, input: () => ({ id: made.entry }) },
  'welfare.record': {
    as: committee,
    input: () => ({ requestId: rid(), recipient: { kind: 'member', memberId: colleague.id }, visitorIds: [colleague.id], reason: '退休', visitDate: today, cashYuan: '0', fund: '工会经费' }),
  },
  'welfare.correct': {
    as: committee,
    input: () => ({ id: made.visit, revision: 1, recipient: { kind: 'member', memberId: member.id }, visitorIds: [colleague.id], reason: '生日', visitDate: today, cashYuan: '0', fund: '工会经费', correction: '补看望人' }),
  },
  'welfare.setHardship': { as: committee, input: () => ({ memberId: colleague.id, hardship: false }) },
  'welfare.planCreate': {
    as: committee,
    input: () => ({ requestId: rid(), title: '中秋慰问', plannedDate: addDays(today, 40), filter: { hardship: true }, excludeIds: [member.id], visitorIds: [colleague.id], cashYuan: '100', fund: '工会经费' }),
  },
  'welfare.complete': { as: committee, input: () => ({ id: made.entry, revision: 1, visitDate: today, visitorIds: [colleague.id], cashYuan: '500' }), last: 1 },
  'welfare.cancel': { as: committee, input: () => ({ id: made.entry, revision: 2, reason: '测试' }), last: 1 },
  'welfare.planClose': { as: committee, input: () => ({ id: made.plan }), last: 1 },

  // 教代会: the seeded 2026 session and its proposals (32-hex ids, as the function makes them), the app-made member as a 代表
  'congress.session': { as: chair, input: () => ({ sessionId: DEMO_SESSION_ID }) },
  'congress.board': { as: chair, input: () => ({ sessionId: DEMO_SESSION_ID }) },
  'congress.desk': { as: chair, input: () => ({ sessionId: DEMO_SESSION_ID }) },
  'congress.delegates': { as: chair, input: () => ({ sessionId: DEMO_SESSION_ID }) },
  'congress.list': { as: chair, input: () => ({ sessionId: DEMO_SESSION_ID }) },
  'congress.detail': { as: chair, input: () => ({ id: P('submitted') }) },
  // the seeded answers carry no files: NOT_FOUND, after reading the case
  'congress.answerFile': { as: chair, input: () => ({ id: P('closed'), round: 1, index: 0 }) },
  'congress.similar': { as: asMember, input: () => ({ sessionId: DEMO_SESSION_ID, title: '食堂午餐', excludeId: P('assigned') }) },
  'congress.dossier': { as: chair, input: () => ({ sessionId: DEMO_SESSION_ID, memberId: member.id }) },
  'congress.attendance': { as: chair, input: () => ({ sessionId: DEMO_SESSION_ID }) },
  'congress.saveProposal': { as: () => 'staff' as Caller, input: () => ({ sessionId: DEMO_SESSION_ID, id: P('draft-ac'), revision: 3, title: '关于教师办公室加装空调的建议', category: '后勤保障', reasons: '夏天太热。', measures: '加装空调。' }) },
  'congress.invite': { as: () => 'staff' as Caller, input: () => ({ id: P('draft-ac'), memberIds: [member.id] }), last: 1 },
  'congress.respond': { as: asMember, input: () => ({ id: P('draft-ac'), accept: true }), last: 1 },
  'congress.submit': { as: () => 'staff' as Caller, input: () => ({ id: P('draft-ac'), revision: 4 }) },
  'congress.rate': { as: () => 'staff' as Caller, input: () => ({ id: P('rating'), rating: 'satisfied' }) },
  'congress.answer': { as: committee, input: () => ({ id: P('overdue'), revision: 3, answerClass: 'A', text: '每季度公开一次。' }) },
  // the seeded 协办人 of 'assigned' writes his opinion again (CONFLICT after reading the case)
  'congress.coNote': { as: () => ({ openid: callerOpenids().coHandler }), input: () => ({ id: P('assigned'), text: '再写一次' }) },
  'congress.decide': { as: chair, input: () => ({ id: P('submitted'), revision: 3, decision: 'merge', intoId: P('accepted') }) },
  'congress.assign': { as: chair, input: () => ({ id: P('accepted'), revision: 4, handlerId: member.id, office: '教务处', dueDate: addDays(today, 10) }) },
  'congress.reviewAnswer': { as: chair, input: () => ({ id: P('answered'), revision: 3, approve: true }) },
  // the demo round's deadline is still ahead: the function answers CONFLICT, after reading the id
  'congress.closeRating': { as: chair, input: () => ({ id: P('rating'), revision: 3 }) },
  // a 代表 of the demo session; the meeting is ahead, so the function answers CONFLICT after reading the session
  'congress.checkinToken': { as: () => 'staff' as Caller, input: () => ({ sessionId: DEMO_SESSION_ID }) },
  'congress.checkin': { as: chair, input: () => ({ sessionId: DEMO_SESSION_ID, memberIds: ['mem003'] }) },
  'congress.fromOpinion': { as: chair, input: () => ({ sessionId: DEMO_SESSION_ID, opinionId: made.opinion, requestId: rid() }) },
  'congress.exportRecords': { as: chair, input: () => ({ sessionId: DEMO_SESSION_ID, kind: 'ledger' }) },
  'congress.addDelegate': { as: committee, input: () => ({ sessionId: DEMO_SESSION_ID, memberId: member.id, constituency: '语文组选区' }) },
  'congress.removeDelegate': { as: committee, input: () => ({ sessionId: DEMO_SESSION_ID, memberId: member.id, reason: '测试' }), last: 1 },
  'congress.saveSession': { as: chair, input: () => ({ id: DEMO_SESSION_ID, revision: 1, term: 5, meeting: 3, title: '2026年第五届第三次教职工代表大会', meetingDate: addDays(today, 25), collectFrom: addDays(today, -30), collectTo: addDays(today, 20) }) },
  'congress.setDocuments': { as: chair, input: () => ({ sessionId: DEMO_SESSION_ID, revision: 3, noticeIds: [] }) },
  'congress.setCommittee': { as: chair, input: () => ({ sessionId: DEMO_SESSION_ID, revision: 2, memberIds: ['mem002', colleague.id] }) },
  'plan.addItem': { as: committee, input: planItem },
  'plan.editItem': { as: committee, input: () => ({ ...planItem(), id: made.planEdit, revision: 1 }) },
  'plan.linkItem': { as: committee, input: () => ({ id: made.planLink, revision: 1, link: { kind: 'activity', id: made.activity } }) },
  'plan.cancelItem': { as: committee, input: () => ({ id: made.planCancel, revision: 1, reason: '测试' }) },
  'plan.markDone': { as: committee, input: () => ({ id: made.planDone, revision: 1, done: true }) },
  'plan.itemHistory': { as: committee, input: () => ({ id: made.planEdit }) },
  'plan.meeting': { as: committee, input: () => ({ id: made.meeting }) },
  'plan.recordMeeting': { as: committee, input: meetingInput },
  'plan.editMeeting': { as: committee, input: () => ({ ...meetingInput(), id: made.meeting, revision: 1 }) },
  'plan.publishMeeting': { as: chair, input: () => ({ id: made.meeting, revision: 2 }), last: 1 },
}

const functions = allFunctions()
const idTaking = Object.entries(functions).flatMap(([fn, routes]) => Object.entries(routes)
  .filter(([, def]) => def.role !== 'timer')
  .map(([action, def]) => ({ key: `${fn}.${action}`, fn, action, paths: idPaths(def.input) }))
  .filter((a) => a.paths.length > 0))
const ordered = [...idTaking].sort((x, y) => (ROWS[x.key]?.last ?? 0) - (ROWS[y.key]?.last ?? 0))

/** `['visitorIds', '0']` → `visitorIds.[]`, to compare with the schema's id paths. */
const shapeOf = (p: string[]) => p.map((s) => (/^\d+$/.test(s) ? '[]' : s)).join('.')

it('knows a call for every action of every function that takes an id', () => {
  expect(idTaking.filter((a) => !ROWS[a.key]).map((a) => `${a.key} (${a.paths.join(', ')})`)).toEqual([])
})

it.each(ordered.map((a) => [a.key, a] as const))('%s takes the ids the app made', async (_key, a) => {
  const row = ROWS[a.key]
  if (!row) return // reported by the test above
  const r = await callAs(env, row.as(), a.fn, { action: a.action, ...row.input() })
  // A schema refusal names its fields (issues); a handler's BAD_INPUT names none — with inputs this complete it is about an id.
  const idIssues = r.ok || r.code !== 'BAD_INPUT' ? [] : r.issues ? r.issues.filter((i: any) => a.paths.includes(shapeOf(i.path))) : [{ message: r.message }]
  expect({ code: r.code, idIssues }).toEqual({ code: r.ok ? undefined : expect.not.stringMatching(/^INTERNAL$|^FORBIDDEN$/), idIssues: [] })
})

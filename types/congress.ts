import * as z from 'zod/mini'
import { calendarDate, docId, pageInput, paged, requestId, revision } from './common'

/*
 * 教代会 (teachers' congress) and its 提案 — 条条有答复、件件有回音.
 *
 * A proposal walks one state machine (cloudfunctions/congress/proposals.ts enforces every edge):
 *   draft ─submit(≥ N 附议)→ submitted ─立案→ accepted ─交办→ assigned ─答复→ answered ─审核通过→ rating ─all rated→ closed
 *                            │                                  ↑              │ 退回重办                    │ any 不满意 in round 1
 *                            │                                  └──────────────┴──────────────────────────────┘ (面商: round 2)
 *                            ├─退回修改(reason)→ returned ─edit/submit→ submitted
 *                            ├─并案(into a case)→ merged        (its people follow the case and rate its answer)
 *                            └─转为意见建议(reason)→ suggestion  (the reason is the reply the proposer sees)
 * Every path ends in `closed` (an answer with ratings), `merged` (the case's answer) or `suggestion` (a stated reason).
 */

/* ───────────── terms ───────────── */

export const proposalStates = ['draft', 'submitted', 'returned', 'accepted', 'assigned', 'answered', 'rating', 'closed', 'merged', 'suggestion'] as const
export const proposalState = z.enum(proposalStates)
export type ProposalState = z.infer<typeof proposalState>
export const proposalStateLabels: Record<ProposalState, string> = {
  draft: '征集附议', submitted: '待审查', returned: '退回修改', accepted: '已立案', assigned: '办理中', answered: '答复待审核',
  rating: '待评价', closed: '已办结', merged: '已并案', suggestion: '转为意见建议',
}

export const proposalCategories = ['教育教学', '师资建设', '学校管理', '福利待遇', '后勤保障', '其他'] as const
export const proposalCategory = z.enum(proposalCategories)
export type ProposalCategory = z.infer<typeof proposalCategory>

/** A 已解决/采纳 · B 列入计划逐步解决 · C 因条件限制暂不能解决 (C needs the reason). */
export const answerClasses = ['A', 'B', 'C'] as const
export const answerClass = z.enum(answerClasses)
export type AnswerClass = z.infer<typeof answerClass>
export const answerClassLabels: Record<AnswerClass, string> = { A: 'A 已解决/采纳', B: 'B 列入计划逐步解决', C: 'C 因条件限制暂不能解决' }

export const ratings = ['satisfied', 'basic', 'unsatisfied'] as const
export const rating = z.enum(ratings)
export type Rating = z.infer<typeof rating>
export const ratingLabels: Record<Rating, string> = { satisfied: '满意', basic: '基本满意', unsatisfied: '不满意' }

export const decisions = ['accept', 'merge', 'suggestion', 'return'] as const
export const decision = z.enum(decisions)
export type Decision = z.infer<typeof decision>
export const decisionLabels: Record<Decision, string> = { accept: '立案', merge: '并案', suggestion: '转为意见建议', return: '退回修改' }

export const delegateKinds = ['delegate', 'guest'] as const
export type DelegateKind = (typeof delegateKinds)[number]
export const delegateKindLabels: Record<DelegateKind, string> = { delegate: '代表', guest: '列席' }

/**
 * Days the raters have once the committee passes an answer on (审核通过). After that the committee may
 * close the rating round: whoever has not rated is recorded as 未评价 and the round is settled on the
 * ratings given (docs/congress.md, "满意度").
 */
export const RATING_DAYS = 15

/** The default least number of 附议 (seconds) a proposal needs before it can be submitted. */
export const DEFAULT_MIN_SECONDS = 2

// Refinements so the person reads these exact Chinese sentences.
const rule = <T>(ok: (v: T) => boolean, message: string) => z.refine<T>(ok, message)
const text = (max: number, what: string) => z.string().check(z.trim(), rule((s: string) => s.length <= max, `${what}不能超过 ${max} 个字`))
const needed = (max: number, what: string) => z.string().check(z.trim(), rule((s: string) => s.length > 0, `请填写${what}`), rule((s: string) => s.length <= max, `${what}不能超过 ${max} 个字`))
/**
 * Session ids are readable (the poll editor lists them): `congress-<届>-<次>`, e.g. `congress-5-3`.
 * Delegate ids are `<sessionId>_<memberId>`; invitations `<proposalId>_<memberId>`; ratings
 * `<proposalId>_<round>_<memberId>`; attendance `<sessionId>_<memberId>` (all within docId's 128).
 */
export const sessionIdOf = (term: number, meeting: number) => `congress-${term}-${meeting}`
/** The 届 and 次 a session id names, or null for any other string. */
export function sessionTermOf(id: string): { term: number; meeting: number } | null {
  const m = /^congress-(\d{1,2})-(\d{1,2})$/.exec(id)
  return m ? { term: Number(m[1]), meeting: Number(m[2]) } : null
}
const id = docId

/* ───────────── sessions and 代表 ───────────── */

export const sessionSaveInput = z.object({
  /** absent for a new session (then requestId); present with revision for an edit */
  id: z.optional(id),
  revision: z.optional(revision),
  requestId: z.optional(requestId),
  term: z.int().check(z.minimum(1, '届次应在 1 到 99 之间'), z.maximum(99, '届次应在 1 到 99 之间')),
  meeting: z.int().check(z.minimum(1, '会次应在 1 到 20 之间'), z.maximum(20, '会次应在 1 到 20 之间')),
  title: needed(60, '会议名称'),
  meetingDate: calendarDate,
  collectFrom: calendarDate,
  collectTo: calendarDate,
  /** days the committee has for 立案审查 after a submission */
  reviewDays: z._default(z.int().check(z.minimum(1, '审查期限应在 1 到 60 天之间'), z.maximum(60, '审查期限应在 1 到 60 天之间')), 14),
  minSeconds: z._default(z.int().check(z.minimum(0, '附议人数应在 0 到 10 之间'), z.maximum(10, '附议人数应在 0 到 10 之间')), DEFAULT_MIN_SECONDS),
  agenda: z._default(z.array(needed(60, '议程')).check(rule((a: unknown[]) => a.length <= 20, '议程最多 20 项')), []),
})
export type SessionSaveInput = z.input<typeof sessionSaveInput>

export const sessionIdInput = z.object({ sessionId: id })
/** 会议文件: published 校务公开 notices the session lists (the chair picks them; at most 20). */
export const setDocumentsInput = z.object({ sessionId: id, revision, noticeIds: z.array(id).check(rule((a: unknown[]) => a.length <= 20, '会议文件最多 20 个')) })
export const setCommitteeInput = z.object({ sessionId: id, revision, memberIds: z.array(id).check(rule((a: unknown[]) => a.length <= 15, '提案工作委员会最多 15 人')) })
export const delegateAddInput = z.object({
  sessionId: id,
  memberId: id,
  constituency: needed(30, '选区'),
  kind: z._default(z.enum(delegateKinds), 'delegate'),
  leader: z._default(z.boolean(), false),
})
export const delegateRemoveInput = z.object({ sessionId: id, memberId: id, reason: needed(100, '原因') })

export const sessionSummary = z.object({
  id: z.string(), title: z.string(), term: z.int(), meeting: z.int(), meetingDate: z.string(), collectFrom: z.string(), collectTo: z.string(),
  collecting: z.boolean(), delegates: z.int(),
})
export const sessionListOutput = z.object({ items: z.array(sessionSummary) })

export const delegateView = z.object({
  memberId: z.string(), name: z.string(), department: z.string(), constituency: z.string(), kind: z.enum(delegateKinds), leader: z.boolean(),
})
export const boardFigures = z.object({
  /** proposals handed in (everything past draft/returned) */
  submitted: z.int(),
  /** decided in 立案审查 */
  decided: z.int(),
  /** 立案 + 并案 */
  accepted: z.int(),
  suggestions: z.int(),
  /** cases with a first answer */
  answered: z.int(),
  answeredOnTime: z.int(),
  closed: z.int(),
  /** ratings of the final round: 满意 + 基本满意 / all */
  ratingsGood: z.int(),
  ratingsTotal: z.int(),
  /** raters of the final round who never rated (closed by the committee after the deadline): not in 满意率's base */
  ratingsMissing: z.int(),
  overdue: z.int(),
  /** whole percent or null when there is nothing to divide by */
  acceptRate: z.nullable(z.int()),
  onTimeRate: z.nullable(z.int()),
  satisfactionRate: z.nullable(z.int()),
})
export type BoardFigures = z.infer<typeof boardFigures>

/** A 票决 of the session (a poll whose electorate is its 代表); `done`: closed, its results can be opened. */
export const sessionPoll = z.object({ id: z.string(), title: z.string(), state: z.string(), closesOn: z.string(), done: z.boolean() })
export type SessionPoll = z.infer<typeof sessionPoll>

export const sessionView = z.extend(sessionSummary, {
  revision: z.int(), reviewDays: z.int(), minSeconds: z.int(), agenda: z.array(z.string()),
  polls: z.array(sessionPoll),
  /** 会议文件, published through 校务公开 (withdrawn ones drop out) */
  documents: z.array(z.object({ noticeId: z.string(), title: z.string() })),
  committee: z.array(z.object({ memberId: z.string(), name: z.string() })),
  delegates: z.int(), guests: z.int(),
  /** what the caller is in this session */
  me: z.object({ delegate: z.boolean(), guest: z.boolean(), committee: z.boolean(), chair: z.boolean(), handler: z.boolean() }),
  /** today is the meeting day: 代表 and 列席 open 我的签到码, the committee scans */
  congressDay: z.boolean(),
  figures: boardFigures,
})
export type SessionView = z.infer<typeof sessionView>
export const delegateListOutput = z.object({ items: z.array(delegateView) })

/* ───────────── proposals ───────────── */

const proposalFields = {
  title: needed(40, '案由'),
  category: proposalCategory,
  reasons: needed(2000, '理由'),
  measures: needed(2000, '办法和建议'),
}
export const proposalSaveInput = z.object({ sessionId: id, id: z.optional(id), revision: z.optional(revision), requestId: z.optional(requestId), ...proposalFields })
export const proposalIdInput = z.object({ id })
export const proposalRevisionInput = z.object({ id, revision })
export const inviteInput = z.object({ id, memberIds: z.array(id).check(rule((a: unknown[]) => a.length >= 1, '请选择要邀请附议的代表'), rule((a: unknown[]) => a.length <= 100, '一次最多邀请 100 位代表')) })
export const respondInput = z.object({ id, accept: z.boolean() })
export const proposalListInput = z.object({ sessionId: id, page: pageInput, state: z.optional(proposalState), mine: z._default(z.boolean(), false) })
export const similarInput = z.object({ sessionId: z.optional(id), title: z.string().check(z.trim(), rule((s: string) => s.length <= 40, '案由不能超过 40 个字')), excludeId: z.optional(id) })

export const CO_HANDLERS_MAX = 5

export const decideInput = z.object({
  id, revision, decision,
  reason: z._default(text(300, '理由'), ''),
  /** 并案: the case this proposal joins */
  intoId: z.optional(id),
})
export const assignInput = z.object({
  id, revision,
  handlerId: id,
  office: needed(30, '主办部门'),
  coOffices: z._default(text(60, '协办部门'), ''),
  /** 协办人 (members of the app): they see the case and add an opinion to the answer, never answer it */
  coHandlerIds: z._default(z.array(id).check(rule((a: unknown[]) => a.length <= CO_HANDLERS_MAX, `协办人最多 ${CO_HANDLERS_MAX} 位`)), []),
  dueDate: calendarDate,
})
/** A 协办人's opinion on the round's answer: written once, corrected against its revision. */
export const coNoteInput = z.object({ id, text: needed(1000, '协办意见'), revision: z.optional(revision) })
/**
 * Answer files (images, PDF, Word): the app uploads each to the staging folder
 * `uploads/congress/<random>.<ext>`; the function checks its bytes and stores it at
 * `congress-answers/<sha256>.<ext>` (functions only), named by its content.
 */
export const STAGED_CONGRESS_FILE = /^cloud:\/\/[^/\s]+\/uploads\/congress\/[A-Za-z0-9_-]{8,64}\.[a-z0-9]{1,5}$/
export const ANSWER_FILES_MAX = 5
export const ANSWER_FILE_EXTENSIONS = ['pdf', 'doc', 'docx', 'jpg', 'jpeg', 'png'] as const
export const answerFileInput = z.strictObject({
  fileId: z.string().check(rule((v: string) => v.length <= 300 && STAGED_CONGRESS_FILE.test(v), '答复附件必须先通过小程序上传')),
  name: z.string().check(z.trim(), rule((v: string) => v.length >= 1 && v.length <= 80, '附件名应为 1 到 80 个字'),
    rule((v: string) => /\.(pdf|docx?|jpe?g|png)$/i.test(v), '答复附件只能是图片、PDF 或 Word 文件')),
  /** as the app measured it; the function records the real size */
  size: z.int().check(rule((v: number) => v >= 1, '附件是空文件'), rule((v: number) => v <= 20 * 1024 * 1024, '附件不能超过 20M')),
})
export type AnswerFileInput = z.infer<typeof answerFileInput>

export const answerInput = z.object({
  id, revision,
  answerClass,
  text: needed(2000, '答复内容'),
  reason: z._default(text(300, '暂不能解决的原因'), ''),
  files: z._default(z.array(answerFileInput).check(rule((a: unknown[]) => a.length <= ANSWER_FILES_MAX, `答复附件最多 ${ANSWER_FILES_MAX} 个`)), []),
})
export const reviewAnswerInput = z.object({ id, revision, approve: z.boolean(), reason: z._default(text(300, '退回理由'), '') })
export const rateInput = z.object({ id, rating, comment: z._default(text(200, '评价意见'), '') })

export const proposalItem = z.object({
  id: z.string(), number: z.nullable(z.int()), title: z.string(), category: proposalCategory, proposerName: z.string(), state: proposalState,
  seconds: z.int(), secondsNeeded: z.int(), office: z.nullable(z.string()), dueDate: z.nullable(z.string()), overdue: z.boolean(),
  answerClass: z.nullable(answerClass), finalRating: z.nullable(rating),
  /** state rating: the round's deadline has passed — the 提案工作委员会 may close it */
  ratingClosable: z.boolean(),
})
export type ProposalItem = z.infer<typeof proposalItem>
export const proposalListOutput = paged(proposalItem)

/** An answer's file as listed; its link comes from `answerFile`, after the stored bytes are hashed again. */
export const answerFileView = z.object({ name: z.string(), size: z.int(), kind: z.string() })
/** One file of a round's shown answer: `index` in the order the 承办人 attached them. */
export const answerFileOpenInput = z.object({ id, round: z.int().check(z.minimum(1), z.maximum(10)), index: z.int().check(z.minimum(0), z.maximum(ANSWER_FILES_MAX - 1)) })
export const answerFileOutput = z.object({ url: z.string(), name: z.string(), kind: z.string() })
export type AnswerFileView = z.infer<typeof answerFileView>
export const answerView = z.object({
  round: z.int(), answerClass, text: z.string(), reason: z.string(), answeredOn: z.string(), onTime: z.boolean(), handlerName: z.string(),
  files: z.array(answerFileView),
})
export const ratingView = z.object({ round: z.int(), name: z.string(), rating, comment: z.string() })
export const coNoteView = z.object({ round: z.int(), name: z.string(), text: z.string(), at: z.string(), corrected: z.boolean() })
export const inviteView = z.object({ memberId: z.string(), name: z.string(), state: z.enum(['invited', 'accepted', 'declined']) })

export const proposalDetail = z.extend(proposalItem, {
  sessionId: z.string(), revision: z.int(), reasons: z.string(), measures: z.string(), proposerId: z.string(),
  invites: z.array(inviteView),
  /** 退回修改 / 转为意见建议 / 退回重办 reason the proposer sees */
  decisionReason: z.nullable(z.string()),
  mergedInto: z.nullable(z.object({ id: z.string(), number: z.nullable(z.int()), title: z.string() })),
  mergedFrom: z.array(z.object({ id: z.string(), title: z.string(), proposerName: z.string() })),
  handlerName: z.nullable(z.string()), coOffices: z.string(), round: z.int(),
  /** 协办人 by name (cases assigned before 协办人 existed: none, only `coOffices`) */
  coHandlers: z.array(z.object({ memberId: z.string(), name: z.string() })),
  /** 协办意见: to the 主办, the 协办人 and the committee always; to everyone once that round's answer is shown */
  coNotes: z.array(coNoteView),
  /** the caller's own 协办意见 of this round (a 协办人), to correct */
  myCoNote: z.nullable(z.object({ text: z.string(), revision: z.int() })),
  answers: z.array(answerView), ratings: z.array(ratingView),
  /** people who rate this case's answer (proposer, 附议人, people of merged proposals) */
  raterNames: z.array(z.string()),
  /** last day to rate the current round (state rating) */
  ratingDue: z.nullable(z.string()),
  /** raters recorded as 未评价 when the committee closed a round after its deadline */
  unrated: z.array(z.object({ round: z.int(), name: z.string() })),
  returnedAnswerReason: z.nullable(z.string()),
  fromOpinion: z.boolean(),
  /** what the caller may do now */
  can: z.object({ edit: z.boolean(), invite: z.boolean(), submit: z.boolean(), respond: z.boolean(), decide: z.boolean(), assign: z.boolean(), answer: z.boolean(), coNote: z.boolean(), review: z.boolean(), rate: z.boolean(), closeRating: z.boolean() }),
})
export type ProposalDetail = z.infer<typeof proposalDetail>

export const similarOutput = z.object({ items: z.array(z.object({ id: z.string(), sessionTitle: z.string(), title: z.string(), state: proposalState })) })
export const savedOutput = z.object({ id: z.string(), revision: z.int() })
export const stateOutput = z.object({ id: z.string(), revision: z.int(), state: proposalState })

/* ───────────── records and congress day ───────────── */

export const dossierInput = z.object({ sessionId: id, memberId: z.optional(id) })
export const dossierOutput = z.object({
  name: z.string(), constituency: z.nullable(z.string()),
  proposals: z.array(z.object({ id: z.string(), title: z.string(), state: proposalState })),
  seconded: z.array(z.object({ id: z.string(), title: z.string() })),
  ratingsGiven: z.int(), attended: z.boolean(),
})
export const exportInput = z.object({ sessionId: id, kind: z.enum(['compilation', 'report', 'ledger']) })
export const exportOutput = z.object({ url: z.string(), fileName: z.string() })
/** Exactly one of: `token`, a 代表's scanned 签到码 (`JD1.…`); `memberIds`, 代表 ticked from the roster. */
export const checkinInput = z.object({
  sessionId: id,
  memberIds: z.optional(z.array(id).check(rule((a: unknown[]) => a.length >= 1 && a.length <= 100, '请选择 1 到 100 位代表'))),
  token: z.optional(z.string().check(z.trim(), rule((s: string) => s.length > 0, '请扫描或粘贴签到码'), rule((s: string) => s.length <= 200, '签到码不对，请重新扫描'))),
}).check(z.refine((v) => (v.token === undefined) !== (v.memberIds === undefined), { message: '请扫描代表的签到码，或从名单选择代表（二选一）', path: ['token'] }))
export const congressCheckinTokenOutput = z.object({ token: z.string(), expiresAt: z.string(), refreshInSeconds: z.int() })
/** The quorum: active 代表 present of all active 代表 (列席 never counted); reached at ≥ 2/3. */
const quorumFields = { present: z.int(), delegates: z.int(), quorum: z.int(), reached: z.boolean() }
export const quorumView = z.object(quorumFields)
export type QuorumView = z.infer<typeof quorumView>
export const attendanceOutput = z.object({
  ...quorumFields,
  items: z.array(z.object({ memberId: z.string(), name: z.string(), constituency: z.string(), present: z.boolean() })),
  /** who a scanned code just signed in */
  signedIn: z.optional(z.object({ name: z.string(), constituency: z.string(), guest: z.boolean(), at: z.string() })),
})
export const fromOpinionInput = z.object({ sessionId: id, opinionId: id, requestId })
export const escalateOutput = z.object({ sent: z.int(), overdue: z.int(), already: z.boolean() })

export const membersInput = z.object({ query: z.string().check(z.trim(), rule((s: string) => s.length <= 20, '姓名不能超过 20 个字')) })
export const membersOutput = z.object({ items: z.array(z.object({ memberId: z.string(), name: z.string(), department: z.string() })) })

export const myCongressOutput = z.object({
  sessionId: z.nullable(z.string()), title: z.nullable(z.string()),
  delegate: z.boolean(), committee: z.boolean(), handlerCases: z.int(), invitations: z.int(), toRate: z.int(),
})

/* ───────────── the pages, each in one call ───────────── */

/**
 * 教代会提案 opens with one call: the session (the latest when none is named) and the first page of its
 * proposals under the filter chosen; later pages come from `list`. `session: null`: no session yet.
 */
export const boardInput = z.object({ sessionId: z.optional(id), state: z.optional(proposalState), mine: z._default(z.boolean(), false) })
export const boardOutput = z.object({ session: z.nullable(sessionView), list: proposalListOutput })
export type BoardOutput = z.infer<typeof boardOutput>

/** 提案工作台's queues, in the order the work is done; each its first page and its total (later pages from `list`). */
export const deskQueueStates = ['submitted', 'accepted', 'answered', 'assigned', 'rating'] as const satisfies readonly ProposalState[]
export const deskInput = z.object({ sessionId: z.optional(id) })
export const deskQueue = z.object({ state: proposalState, items: z.array(proposalItem), total: z.int() })
export type DeskQueue = z.infer<typeof deskQueue>
/** 提案工作台 opens with one call (提案工作委员会 and the chair only). `session: null`: no session yet. */
export const deskOutput = z.object({
  session: z.nullable(sessionView),
  queues: z.array(deskQueue),
  attendance: z.nullable(quorumView),
})
export type DeskOutput = z.infer<typeof deskOutput>

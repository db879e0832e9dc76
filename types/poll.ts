import * as z from 'zod/mini'
import { docId, instant, pageInput, paged, requestId, revision } from './common'

/*
 * Secret ballots: 民主测评 (appraisal), 评选 (election), 票决 (vote) on one engine.
 * A poll is draft → open → closed → published; at closing its outcome is valid or void (below quorum).
 */

/* ───────────── terms ───────────── */

export const pollKinds = ['appraisal', 'election', 'vote'] as const
export const pollKind = z.enum(pollKinds)
export type PollKind = z.infer<typeof pollKind>
export const pollKindLabels: Record<PollKind, string> = { appraisal: '民主测评', election: '评选', vote: '票决' }
/** What one entry of a poll is called on the form and in reports. */
export const itemLabels: Record<PollKind, { item: string; name: string; note: string }> = {
  appraisal: { item: '测评对象', name: '姓名', note: '职务' },
  election: { item: '候选人', name: '姓名', note: '简介' },
  vote: { item: '表决事项', name: '事项', note: '说明' },
}

/** As the client sees it: the transient opening/closing/publishing steps show as the state they lead from. */
export const pollStates = ['draft', 'open', 'closed', 'published'] as const
export const pollState = z.enum(pollStates)
export type PollState = z.infer<typeof pollState>
export const pollStateLabels: Record<PollState, string> = { draft: '草稿', open: '投票中', closed: '已结束', published: '已公布' }

export const pollOutcomes = ['valid', 'void'] as const
export const pollOutcome = z.enum(pollOutcomes)
export type PollOutcome = z.infer<typeof pollOutcome>

/** 优秀 / 称职 / 基本称职 / 不称职 / 不了解 (the last only when the poll allows it) */
export const grades = ['excellent', 'competent', 'basic', 'incompetent', 'unknown'] as const
export const grade = z.enum(grades)
export type Grade = z.infer<typeof grade>
export const gradeLabels: Record<Grade, string> = { excellent: '优秀', competent: '称职', basic: '基本称职', incompetent: '不称职', unknown: '不了解' }

/** 德 能 勤 绩 廉, in the order the official form lists them */
export const criteria = ['de', 'neng', 'qin', 'ji', 'lian'] as const
export type Criterion = (typeof criteria)[number]
export const criterionLabels: Record<Criterion, string> = { de: '德', neng: '能', qin: '勤', ji: '绩', lian: '廉' }

export const voteChoices = ['for', 'against', 'abstain'] as const
export const voteChoice = z.enum(voteChoices)
export type VoteChoice = z.infer<typeof voteChoice>
export const voteChoiceLabels: Record<VoteChoice, string> = { for: '赞成', against: '反对', abstain: '弃权' }

/**
 * A share of a base: 'half' = more than half (过半数), 'twoThirds' = at least two thirds (三分之二以上,
 * which in Chinese rules includes the number itself). Used for quorum, winning and passing.
 */
export const majorities = ['half', 'twoThirds'] as const
export const majority = z.enum(majorities)
export type Majority = z.infer<typeof majority>
export const majorityLabels: Record<Majority, string> = { half: '过半数', twoThirds: '三分之二以上' }

/** What a winning or passing count is measured against: the ballots cast, or the whole frozen electorate. */
export const ruleBases = ['ballots', 'electorate'] as const
export const ruleBase = z.enum(ruleBases)
export type RuleBase = z.infer<typeof ruleBase>
export const ruleBaseLabels: Record<RuleBase, string> = { ballots: '实到选票', electorate: '全体应投票人' }

/** True when `count` reaches the share `m` of `base` — exact integer arithmetic, never a float. */
export function meets(count: number, base: number, m: Majority): boolean {
  return m === 'half' ? count * 2 > base : count * 3 >= base * 2
}
/** The least count that meets the share (for "需 N 票"). */
export function needed(base: number, m: Majority): number {
  return m === 'half' ? Math.floor(base / 2) + 1 : Math.ceil((base * 2) / 3)
}

/** Who may vote, frozen at opening. 'runoff' = the same roster as the round before (run-offs only). */
export const electorateKinds = ['all', 'active', 'departments', 'members', 'delegates', 'runoff'] as const
export const electorateKindLabels: Record<(typeof electorateKinds)[number], string> = {
  all: '全体会员', active: '在职会员', departments: '指定部门', members: '指定人员', delegates: '教代会代表', runoff: '与上一轮相同',
}
export const electorate = z.object({
  kind: z.enum(electorateKinds),
  departments: z._default(z.array(z.string().check(z.minLength(1), z.maxLength(30))).check(z.maxLength(30)), []),
  memberIds: z._default(z.array(docId).check(z.maxLength(1000)), []),
  /** a 教代会 session (届/次) id: its active 代表 in `congress_delegates` */
  sessionId: z.optional(docId),
})
export type Electorate = z.output<typeof electorate>
export type ElectorateKind = Electorate['kind']

/** Default quorum: 2/3 of the electorate for 教代会 polls (delegates), more than half otherwise. */
export function defaultQuorum(kind: ElectorateKind): Majority {
  return kind === 'delegates' ? 'twoThirds' : 'half'
}

/** "40.0%": one decimal, half up, from integers (a base of 0 shows as —). */
export function percent(count: number, base: number): string {
  if (base <= 0) return '—'
  const tenths = Math.floor((count * 2000 + base) / (2 * base))
  return `${Math.floor(tenths / 10)}.${tenths % 10}%`
}

/* ───────────── limits ───────────── */

export const POLL_TITLE_MAX = 40
export const POLL_ITEMS_MAX = 30
export const COMMENT_MAX = 200
/** comments are shown only for subjects graded (not 不了解) on at least this many ballots */
export const COMMENTS_MIN_BALLOTS = 5
export const SLIPS_PER_PRINT_MAX = 200
/** 8 characters from a 32-letter alphabet (40 bits), shown as `ABCD-EFGH` */
export const TRACKER_LENGTH = 8
/** 10 characters (50 bits), shown as `ABCDE-FGHJK` */
export const SLIP_CODE_LENGTH = 10
/** 32 signs without 0/O and 1/I, which look alike on paper: 5 bits a character */
export const CODE_ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ'

/** Codes as typed or read aloud: spaces and dashes ignored, letters upper-cased. */
export function normalizeCode(raw: string): string {
  return raw.toUpperCase().replace(/[\s-]/g, '')
}
export function formatCode(code: string): string {
  const half = Math.ceil(code.length / 2)
  return `${code.slice(0, half)}-${code.slice(half)}`
}
const codeOf = (length: number, message: string) => z.pipe(
  z.string().check(z.maxLength(40)),
  z.transform((s: string) => normalizeCode(s)),
).check(z.refine((s: string) => s.length === length && [...s].every((c) => CODE_ALPHABET.includes(c)), message))
export const trackerCode = codeOf(TRACKER_LENGTH, '核对码应为 8 位字母和数字，请核对后重试')
export const slipCode = codeOf(SLIP_CODE_LENGTH, '评议码应为 10 位字母和数字，请核对评议码纸条')

/* ───────────── editing (committee drafts) ───────────── */

const rule = <T>(ok: (v: T) => boolean, message: string) => z.refine<T>(ok, message)
const required = (max: number, what: string) => z.string().check(z.trim(), rule((s: string) => s.length > 0, `请填写${what}`), rule((s: string) => s.length <= max, `${what}不能超过 ${max} 个字`))
const optionalText = (max: number, what: string) => z._default(z.string().check(z.trim(), rule((s: string) => s.length <= max, `${what}不能超过 ${max} 个字`)), '')

export const pollItemInput = z.object({
  name: required(60, '名称'),
  note: optionalText(300, '说明'),
})

export const pollEditable = z.object({
  title: required(POLL_TITLE_MAX, '标题'),
  kind: pollKind,
  description: optionalText(500, '说明'),
  /** planned end (ISO instant): casting is refused after it; the chair closes the poll */
  closesAt: instant,
  items: z.array(pollItemInput).check(rule((a: unknown[]) => a.length >= 1, '至少需要 1 项'), rule((a: unknown[]) => a.length <= POLL_ITEMS_MAX, `最多 ${POLL_ITEMS_MAX} 项`)),
  electorate,
  quorum: z.optional(majority),
  /** 测评: 不了解 allowed, 德能勤绩廉 graded separately, a comment box per subject */
  allowUnknown: z._default(z.boolean(), true),
  criteria: z._default(z.boolean(), false),
  comments: z._default(z.boolean(), true),
  /** 评选: choose at most `seats` (应选人数) */
  seats: z._default(z.int().check(z.minimum(1, '应选人数至少 1 人'), z.maximum(POLL_ITEMS_MAX, `应选人数最多 ${POLL_ITEMS_MAX} 人`)), 1),
  /** 评选 winning / 票决 passing rule */
  rule: z._default(z.object({ base: ruleBase, majority }), { base: 'ballots', majority: 'half' }),
})
export type PollEditable = z.output<typeof pollEditable>
export type PollEditableInput = z.input<typeof pollEditable>

/** poll.save — a new draft (requestId) or an edit of a draft (id + revision). */
export const pollSaveInput = z.extend(pollEditable, {
  id: z.optional(docId),
  requestId: z.optional(requestId),
  revision: z.optional(revision),
})
export type PollSaveInput = z.input<typeof pollSaveInput>
export type PollSave = z.output<typeof pollSaveInput>

export const pollSavedOutput = z.object({ id: z.string(), revision: z.int() })
export type PollSavedOutput = z.infer<typeof pollSavedOutput>

export const pollIdInput = z.object({ id: docId })
export const pollRevisionInput = z.object({ id: docId, revision })
export const pollListInput = z.object({ page: pageInput })
export const electoratePreviewInput = z.object({ electorate })

/* ───────────── casting ───────────── */

export const ballotInput = z.object({
  /** 测评: one entry per subject; `criteria` = 德能勤绩廉 grades when the poll asks for them */
  grades: z._default(z.array(z.object({
    itemId: z.string().check(z.maxLength(8)),
    grade,
    criteria: z.optional(z.array(grade).check(z.maxLength(5))),
    comment: z.optional(z.string().check(z.trim(), rule((s: string) => s.length <= COMMENT_MAX, `评语不能超过 ${COMMENT_MAX} 个字`))),
  })).check(z.maxLength(POLL_ITEMS_MAX)), []),
  /** 评选: the chosen candidates (at most the seats) */
  picks: z._default(z.array(z.string().check(z.maxLength(8))).check(z.maxLength(POLL_ITEMS_MAX)), []),
  /** 票决: one choice per motion */
  votes: z._default(z.array(z.object({ itemId: z.string().check(z.maxLength(8)), choice: voteChoice })).check(z.maxLength(POLL_ITEMS_MAX)), []),
})
export type BallotInput = z.input<typeof ballotInput>
export type Ballot = z.output<typeof ballotInput>

export const castInput = z.object({ id: docId, ballot: ballotInput })
export const slipCastInput = z.object({ id: docId, code: slipCode, ballot: ballotInput })
export const slipCheckInput = z.object({ id: docId, code: slipCode })
export const castOutput = z.object({ pollId: z.string(), tracker: z.string() })
export type CastOutput = z.infer<typeof castOutput>

/* ───────────── reading ───────────── */

export const pollItem = z.object({ id: z.string(), name: z.string(), note: z.string() })
export type PollItem = z.infer<typeof pollItem>

export const pollSummary = z.object({
  id: z.string(),
  title: z.string(),
  kind: pollKind,
  state: pollState,
  round: z.int(),
  closesAt: instant,
  openedAt: z.optional(instant),
  closedAt: z.optional(instant),
  rosterSize: z.int(),
  outcome: z.optional(pollOutcome),
  /** for a voter: whether their receipt exists */
  voted: z.optional(z.boolean()),
})
export type PollSummary = z.infer<typeof pollSummary>
export const pollListOutput = paged(pollSummary)

export const electorateView = z.object({
  kind: z.enum(electorateKinds),
  label: z.string(),
  /** frozen at opening: size and sha256 of the sorted member ids (first 16 hex, in groups of 4) */
  size: z.int(),
  fingerprint: z.optional(z.string()),
})

export const pollDetail = z.object({
  id: z.string(),
  title: z.string(),
  kind: pollKind,
  description: z.string(),
  state: pollState,
  round: z.int(),
  parentId: z.optional(z.string()),
  runoffId: z.optional(z.string()),
  /** 评选: in a fresh random order on every read (order randomised per voter) */
  items: z.array(pollItem),
  allowUnknown: z.boolean(),
  criteria: z.boolean(),
  comments: z.boolean(),
  seats: z.int(),
  rule: z.object({ base: ruleBase, majority }),
  quorum: majority,
  closesAt: instant,
  openedAt: z.optional(instant),
  closedAt: z.optional(instant),
  electorate: electorateView,
  /** receipts / electorate — the only figure while open */
  turnout: z.object({ receipts: z.int(), rosterSize: z.int() }),
  outcome: z.optional(pollOutcome),
  me: z.object({ eligible: z.boolean(), voted: z.boolean() }),
  canManage: z.boolean(),
})
export type PollDetail = z.infer<typeof pollDetail>

/** The chair's console: the detail plus what only organisers see (never a tally while open). */
export const pollConsole = z.extend(pollDetail, {
  revision: z.int(),
  slips: z.object({ printed: z.int(), issued: z.int(), used: z.int() }),
  noticeId: z.optional(z.string()),
  lastRemindedAt: z.optional(instant),
  /** the draft's electorate as set (for 指定部门 / 指定人员 / 代表 the form needs the details) */
  electorateSetting: electorate,
})
export type PollConsole = z.infer<typeof pollConsole>

export const electoratePreviewOutput = z.object({ size: z.int(), fingerprint: z.string() })

export const nonVotersInput = z.object({ id: docId, page: pageInput })
export const nonVoter = z.object({ memberId: z.string(), name: z.string(), department: z.string() })
export const nonVotersOutput = paged(nonVoter)
export type NonVoter = z.infer<typeof nonVoter>

export const issueSlipInput = z.object({ id: docId, memberId: docId })
export const printSlipsInput = z.object({
  id: docId,
  count: z.int().check(z.minimum(1, '至少打印 1 张'), z.maximum(SLIPS_PER_PRINT_MAX, `一次最多打印 ${SLIPS_PER_PRINT_MAX} 张`)),
  requestId,
})
export const fileOutput = z.object({ url: z.string(), fileName: z.string() })
export type FileOutput = z.infer<typeof fileOutput>
export const slipsPrintOutput = z.extend(fileOutput, { count: z.int() })
export const slipStatusOutput = z.object({ usable: z.boolean(), message: z.string() })

export const pollRemindOutput = z.object({ sent: z.int(), nonVoters: z.int() })
export const publishInput = z.object({
  id: docId,
  publicityDays: z.int().check(z.minimum(1, '公示期至少 1 天'), z.maximum(30, '公示期最多 30 天')),
  visibility: z._default(z.enum(['internal', 'public']), 'internal'),
})
export const publishOutput = z.object({ noticeId: z.string() })
export const reportInput = z.object({ id: docId, format: z.enum(['docx', 'xlsx']) })
export const runoffOutput = z.object({ id: z.string() })

/* ───────────── results (after close only) ───────────── */

export const gradeCounts = z.object({ excellent: z.int(), competent: z.int(), basic: z.int(), incompetent: z.int(), unknown: z.int() })
export type GradeCounts = z.infer<typeof gradeCounts>

export const appraisalRow = z.object({
  itemId: z.string(),
  name: z.string(),
  note: z.string(),
  counts: gradeCounts,
  /** ballots that graded this subject (all minus 不了解): the base of every rate */
  graded: z.int(),
  /** 德能勤绩廉, when the poll graded them */
  criteria: z.optional(z.array(z.object({ key: z.enum(criteria), counts: gradeCounts }))),
  /** comments shown (≥ COMMENTS_MIN_BALLOTS graded); 0 when withheld */
  comments: z.int(),
  commentsWithheld: z.boolean(),
})
export type AppraisalRow = z.infer<typeof appraisalRow>

export const candidateStatus = z.enum(['elected', 'runoff', 'notElected'])
export type CandidateStatus = z.infer<typeof candidateStatus>
export const candidateStatusLabels: Record<CandidateStatus, string> = { elected: '当选', runoff: '进入下一轮', notElected: '未当选' }
export const electionRow = z.object({ itemId: z.string(), name: z.string(), note: z.string(), votes: z.int(), status: candidateStatus })
export type ElectionRow = z.infer<typeof electionRow>

export const voteRow = z.object({ itemId: z.string(), name: z.string(), note: z.string(), for: z.int(), against: z.int(), abstain: z.int(), passed: z.boolean() })
export type VoteRow = z.infer<typeof voteRow>

export const pollResults = z.object({
  id: z.string(),
  title: z.string(),
  kind: pollKind,
  state: pollState,
  round: z.int(),
  closedAt: instant,
  rosterSize: z.int(),
  receipts: z.int(),
  ballots: z.int(),
  slipsUsed: z.int(),
  quorum: z.object({ rule: majority, needed: z.int(), met: z.boolean() }),
  outcome: pollOutcome,
  /** the base and share for winning/passing, and the votes that meet it */
  rule: z.object({ base: ruleBase, majority, needed: z.int() }),
  seats: z.int(),
  appraisal: z.optional(z.array(appraisalRow)),
  election: z.optional(z.object({ blank: z.int(), rows: z.array(electionRow), runoffSeats: z.int() })),
  vote: z.optional(z.array(voteRow)),
  runoffId: z.optional(z.string()),
  noticeId: z.optional(z.string()),
  canManage: z.boolean(),
})
export type PollResults = z.infer<typeof pollResults>

export const commentsInput = z.object({ id: docId, itemId: z.string().check(z.maxLength(8)), page: pageInput })
export const commentsOutput = paged(z.object({ text: z.string() }))

/** The verification list: every ballot as cast, in a random order, with its tracker. */
export const ballotView = z.object({
  tracker: z.string(),
  grades: z.optional(z.array(grade)),
  criteria: z.optional(z.array(z.array(grade))),
  picks: z.optional(z.array(z.string())),
  votes: z.optional(z.array(voteChoice)),
  /** 测评: how many subjects it commented on (the text is shown only in the results, and only where allowed) */
  commented: z.optional(z.int()),
})
export type BallotView = z.infer<typeof ballotView>
export const ballotsInput = z.object({ id: docId, page: pageInput })
export const ballotsOutput = z.extend(paged(ballotView), { items: z.array(ballotView), pollItems: z.array(pollItem) })
export const findBallotInput = z.object({ id: docId, tracker: trackerCode })
export const findBallotOutput = z.object({ found: z.boolean(), ballot: z.optional(ballotView) })

export const delegateSessionsOutput = z.object({ sessions: z.array(z.object({ sessionId: z.string(), count: z.int() })) })

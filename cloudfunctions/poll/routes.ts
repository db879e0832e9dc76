import * as z from 'zod/mini'
import {
  ballotsInput, castInput, commentsInput, electoratePreviewInput, findBallotInput, issueSlipInput, nonVotersInput, pollIdInput, pollListInput,
  pollRevisionInput, pollSaveInput, printSlipsInput, publishInput, reportInput, slipCastInput, slipCheckInput,
} from '../../types/poll'
import { recordAudit } from '../_shared/audit'
import { action } from '../_shared/dispatch'
import { AppError } from '../_shared/errors'
import type { FieldLabels } from '../_shared/input-issues'
import { castByPhone, castBySlip, slipUsable } from './cast'
import { closePoll, voidPendingSlipFiles } from './closing'
import { discardDraft, saveDraft } from './drafts'
import { fingerprint, randomHex } from '../_shared/codes'
import { resolveElectorate } from './electorate'
import { delegateSessions } from './electorate-delegates'
import { openPoll } from './opening'
import { publishResults, startRunoff } from './publish'
import { remindNow, sendReminders } from './reminders'
import { ballots, comments, findBallot, readableResults, resultsView } from './results'
import { issueSlip, printSlips } from './slips'
import { POLL_COLLECTIONS as C, loadPoll, scanAll } from './store'
import type { BallotDoc } from './documents'
import { allPolls, consoleView, detail, myPolls, nonVoters, visiblePoll } from './views'

/** Every field as the poll forms name it (BAD_INPUT messages). */
const LABELS: FieldLabels = {
  id: '投票', title: '标题', kind: '投票类型', description: '说明', closesAt: '截止时间', items: '名单', 'items.name': '名称', 'items.note': '说明',
  electorate: '投票人范围', 'electorate.kind': '投票人范围', 'electorate.departments': '部门', 'electorate.memberIds': '投票人', 'electorate.sessionId': '教代会届次',
  quorum: '法定人数', allowUnknown: '“不了解”选项', criteria: '分项评价', comments: '评语', seats: '应选人数', rule: '当选或通过规则', 'rule.base': '计票基数', 'rule.majority': '票数要求',
  requestId: '请求编号', revision: '版本号', ballot: '选票', 'ballot.grades': '测评', 'ballot.grades.itemId': '测评对象', 'ballot.grades.grade': '等次',
  'ballot.grades.criteria': '分项评价', 'ballot.grades.comment': '评语', 'ballot.picks': '候选人', 'ballot.votes': '表决', 'ballot.votes.itemId': '表决事项',
  'ballot.votes.choice': '表决意见', code: '评议码', itemId: '测评对象', tracker: '核对码', count: '张数', memberId: '会员', publicityDays: '公示天数', format: '文件格式',
}
const labels = LABELS
const CHAIR_ONLY = '只有工会主席可以进行此操作'

export const routes = {
  // ── voters ──────────────────────────────────────────────────────────────────
  /** My polls: those whose frozen roster holds me, with whether I have voted. */
  list: action({ input: pollListInput, role: 'member', labels, run: (ctx, input) => myPolls(ctx, input.page) }),
  /** Terms, electorate size + fingerprint, turnout and my status — never a tally. */
  detail: action({ input: pollIdInput, role: 'member', labels, run: async (ctx, input) => detail(ctx, await visiblePoll(ctx, input.id)) }),
  /** One ballot per member, in one transaction with the receipt (cast.ts). */
  cast: action({ input: castInput, role: 'member', labels, run: (ctx, input) => castByPhone(ctx, input.id, input.ballot) }),
  /** Whether a 评议码 can be used now (before the shared device shows the ballot). */
  checkSlip: action({
    input: slipCheckInput, role: 'member', labels,
    async run(ctx, input) {
      await slipUsable(ctx, input.id, input.code)
      return { usable: true, message: '评议码有效，请填写选票' }
    },
  }),
  castBySlip: action({ input: slipCastInput, role: 'member', labels, run: (ctx, input) => castBySlip(ctx, input.id, input.code, input.ballot) }),
  /** After the close only (results.ts). */
  results: action({
    input: pollIdInput, role: 'member', labels,
    async run(ctx, input) {
      const p = await visiblePoll(ctx, input.id)
      return resultsView(ctx, p, await readableResults(ctx, p))
    },
  }),
  comments: action({ input: commentsInput, role: 'member', labels, run: async (ctx, input) => comments(ctx, await visiblePoll(ctx, input.id), input.itemId, input.page) }),
  /** The verification list: every ballot with its tracker, in random order. */
  ballots: action({ input: ballotsInput, role: 'member', labels, run: async (ctx, input) => ballots(ctx, await visiblePoll(ctx, input.id), input.page) }),
  findBallot: action({ input: findBallotInput, role: 'member', labels, run: async (ctx, input) => findBallot(ctx, await visiblePoll(ctx, input.id), input.tracker) }),

  // ── organisers (committee and chair) ───────────────────────────────────────
  manageList: action({ input: pollListInput, role: 'committee', labels, run: (ctx, input) => allPolls(ctx, input.page) }),
  console: action({ input: pollIdInput, role: 'committee', labels, run: async (ctx, input) => consoleView(ctx, await loadPoll(ctx.db, input.id)) }),
  /** A new draft (requestId) or an edit of a draft (id + revision). */
  save: action({ input: pollSaveInput, role: 'committee', labels, run: (ctx, input) => saveDraft(ctx, input) }),
  discard: action({ input: pollRevisionInput, role: 'committee', labels, run: (ctx, input) => discardDraft(ctx, input.id, input.revision) }),
  /** How many would be on the roster if the poll opened now (the form shows it). */
  previewElectorate: action({
    input: electoratePreviewInput, role: 'committee', labels,
    async run(ctx, input) {
      if (input.electorate.kind === 'runoff') throw new AppError('BAD_INPUT', '“与上一轮相同”只用于第二轮投票')
      const voters = await resolveElectorate(ctx.db, input.electorate)
      return { size: voters.length, fingerprint: fingerprint(voters.map((v) => v._id)) }
    },
  }),
  delegateSessions: action({ input: z.object({}), role: 'committee', labels, run: async (ctx) => ({ sessions: await delegateSessions(ctx.db) }) }),
  /** Word (official 民主测评 table) or Excel; after the close. */
  report: action({
    input: reportInput, role: 'committee', labels,
    async run(ctx, input) {
      const p = await loadPoll(ctx.db, input.id)
      const r = resultsView(ctx, p, await readableResults(ctx, p))
      const { wordReport, excelReport } = await import('./report')
      const buffer = input.format === 'docx' ? await wordReport(p, r, ctx.now)
        : await excelReport(p, r, p.outcome === 'valid' ? await scanAll<BallotDoc>(ctx.db, C.ballots, { pollId: p._id, state: 'cast' }, { tracker: true, choices: true }) : [])
      const fileId = await ctx.services.upload(`poll-reports/${randomHex()}.${input.format}`, buffer)
      const url = (await ctx.services.tempUrls([fileId]))[fileId]
      if (!url) throw new AppError('INTERNAL', '文件生成了但暂时无法下载，请重试')
      await recordAudit(ctx.db, ctx, { action: 'poll.report', target: { kind: 'poll', id: p._id, label: p.title }, note: input.format === 'docx' ? 'Word' : 'Excel' })
      return { url, fileId, fileName: `${p.title}${input.format === 'docx' ? '结果统计表.docx' : '结果.xlsx'}` }
    },
  }),

  // ── the chair ───────────────────────────────────────────────────────────────
  /** Freezes the electorate (opening.ts); the chair confirmed the revision shown. */
  open: action({ input: pollRevisionInput, role: 'chair', deniedMessage: CHAIR_ONLY, labels, run: async (ctx, input) => consoleView(ctx, await openPoll(ctx, input.id, input.revision)) }),
  /** Seals, counts, stores the result (closing.ts). */
  close: action({ input: pollIdInput, role: 'chair', deniedMessage: CHAIR_ONLY, labels, run: async (ctx, input) => consoleView(ctx, await closePoll(ctx, input.id)) }),
  publish: action({ input: publishInput, role: 'chair', deniedMessage: CHAIR_ONLY, labels, run: (ctx, input) => publishResults(ctx, input.id, input.publicityDays, input.visibility) }),
  runoff: action({ input: pollIdInput, role: 'chair', deniedMessage: CHAIR_ONLY, labels, run: (ctx, input) => startRunoff(ctx, input.id) }),
  printSlips: action({ input: printSlipsInput, role: 'chair', deniedMessage: CHAIR_ONLY, labels, run: (ctx, input) => printSlips(ctx, input.id, input.count, input.requestId) }),
  issueSlip: action({ input: issueSlipInput, role: 'chair', deniedMessage: CHAIR_ONLY, labels, run: (ctx, input) => issueSlip(ctx, input.id, input.memberId) }),
  /** 未投票名单: electors without a receipt (names only). */
  nonVoters: action({ input: nonVotersInput, role: 'chair', deniedMessage: CHAIR_ONLY, labels, run: (ctx, input) => nonVoters(ctx, input.id, input.page) }),
  remind: action({ input: pollIdInput, role: 'chair', deniedMessage: CHAIR_ONLY, labels, run: async (ctx, input) => remindNow(ctx, await loadPoll(ctx.db, input.id)) }),

  /** Timer (config.json): opening and closing-soon messages; slip files a killed close left readable. */
  sendReminders: action({ input: z.object({}), role: 'timer', run: async (ctx) => ({ ...(await sendReminders(ctx)), voidedSlipFiles: await voidPendingSlipFiles(ctx) }) }),
}

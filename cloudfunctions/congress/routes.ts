import * as z from 'zod/mini'
import {
  answerFileOpenInput, answerInput, assignInput, boardInput, checkinInput, coNoteInput, decideInput, deskInput, delegateAddInput, delegateRemoveInput, dossierInput, exportInput, fromOpinionInput, inviteInput,
  membersInput, proposalIdInput, proposalListInput, proposalRevisionInput, proposalSaveInput, rateInput, respondInput, reviewAnswerInput, sessionIdInput,
  sessionSaveInput, setCommitteeInput, setDocumentsInput, similarInput,
} from '../../types/congress'
import { action } from '../_shared/dispatch'
import type { FieldLabels } from '../_shared/input-issues'
import { answerFile } from './answer-files'
import { board, desk } from './board'
import { coNote } from './co-handlers'
import { escalate } from './escalate'
import { loadProposal } from './store'
import { remindCollection } from './reminders'
import { answer, assign, decide, invite, respond, reviewAnswer, saveProposal, submit } from './proposals'
import { closeExpiredRatings, closeRating, rate } from './ratings'
import { dossier, fromOpinion } from './records'
import { attendance, checkinByRoster, checkinByToken, checkinToken } from './sign-in'
import { addDelegate, removeDelegate, saveSession, setCommittee, setDocuments } from './sessions'
import { delegateList, findMembers, myCongress, proposalDetail, proposalList, sessionList, sessionView, similar } from './views'

/** Every field as the 教代会 forms name it (BAD_INPUT messages). */
const labels: FieldLabels = {
  id: '提案', sessionId: '教代会', revision: '版本号', requestId: '请求编号', term: '届次', meeting: '会次', title: '名称', meetingDate: '开会日期',
  collectFrom: '征集开始日期', collectTo: '征集截止日期', reviewDays: '审查期限', minSeconds: '附议人数', agenda: '议程', memberIds: '代表', memberId: '会员',
  constituency: '选区', kind: '类别', leader: '代表团组长', reason: '理由', category: '类别', reasons: '理由', measures: '办法和建议', accept: '是否附议',
  page: '页码', state: '状态', mine: '只看我的', excludeId: '提案', decision: '审查意见', intoId: '并入的提案', handlerId: '承办人', office: '主办部门',
  coOffices: '协办部门', coHandlerIds: '协办人', round: '答复轮次', index: '附件', dueDate: '答复期限', answerClass: '答复类别', text: '答复内容', approve: '审核意见', rating: '满意度', comment: '评价意见',
  opinionId: '意见', query: '姓名', noticeIds: '会议文件', files: '答复附件', 'files.fileId': '答复附件', 'files.name': '附件名', 'files.size': '附件大小', token: '签到码',
}
const proposalLabels: FieldLabels = { ...labels, title: '案由' }
const coNoteLabels: FieldLabels = { ...labels, text: '协办意见' }
const CHAIR_ONLY = '只有工会主席可以进行此操作'

export const routes = {
  // ── everyone in the union: the board, proposals, records ─────────────────────
  /** 教代会提案 opens with this one call (later pages: `list`) */
  board: action({ input: boardInput, role: 'member', labels, run: (ctx, input) => board(ctx, input) }),
  /** 提案工作台 opens with this one call: 提案工作委员会 of the session and the chair (checked inside) */
  desk: action({ input: deskInput, role: 'member', labels, run: (ctx, input) => desk(ctx, input) }),
  sessions: action({ input: z.object({}), role: 'member', labels, run: (ctx) => sessionList(ctx) }),
  session: action({ input: sessionIdInput, role: 'member', labels, run: (ctx, input) => sessionView(ctx, input.sessionId) }),
  delegates: action({ input: sessionIdInput, role: 'member', labels, run: (ctx, input) => delegateList(ctx, input.sessionId) }),
  list: action({ input: proposalListInput, role: 'member', labels, run: (ctx, input) => proposalList(ctx, input) }),
  detail: action({ input: proposalIdInput, role: 'member', labels, run: (ctx, input) => proposalDetail(ctx, input.id) }),
  /** a link to one answer file, handed out only while its bytes still hash to what was sealed */
  answerFile: action({ input: answerFileOpenInput, role: 'member', labels, run: async (ctx, input) => answerFile(ctx, await loadProposal(ctx.db, input.id), input.round, input.index) }),
  similar: action({ input: similarInput, role: 'member', labels: proposalLabels, run: (ctx, input) => similar(ctx, input) }),
  mine: action({ input: z.object({}), role: 'member', labels, run: (ctx) => myCongress(ctx) }),
  dossier: action({ input: dossierInput, role: 'member', labels, run: (ctx, input) => dossier(ctx, input.sessionId, input.memberId) }),
  attendance: action({ input: sessionIdInput, role: 'member', labels, run: (ctx, input) => attendance(ctx, input.sessionId) }),
  /** 我的签到码 on the meeting day: 代表 and 列席 of the session only (checked inside) */
  checkinToken: action({ input: sessionIdInput, role: 'member', labels, run: (ctx, input) => checkinToken(ctx, input.sessionId) }),

  // ── 代表 (checked per session inside): draft, invite, second, submit; raters rate ──
  saveProposal: action({ input: proposalSaveInput, role: 'member', labels: proposalLabels, run: (ctx, input) => saveProposal(ctx, input) }),
  invite: action({ input: inviteInput, role: 'member', labels, run: (ctx, input) => invite(ctx, input.id, input.memberIds) }),
  respond: action({ input: respondInput, role: 'member', labels, run: (ctx, input) => respond(ctx, input.id, input.accept) }),
  submit: action({ input: proposalRevisionInput, role: 'member', labels, run: (ctx, input) => submit(ctx, input.id, input.revision) }),
  rate: action({ input: rateInput, role: 'member', labels, run: (ctx, input) => rate(ctx, input.id, input.rating, input.comment) }),
  /** the 承办人 of the case only (checked inside) */
  answer: action({ input: answerInput, role: 'member', labels, run: (ctx, input) => answer(ctx, input) }),
  /** a 协办人 of the case only (checked inside): their opinion on the answer, while it is being written */
  coNote: action({ input: coNoteInput, role: 'member', labels: coNoteLabels, run: async (ctx, input) => coNote(ctx, await loadProposal(ctx.db, input.id), input.text, input.revision) }),

  // ── 提案工作委员会 of the session (checked inside; the chair always) ──────────────
  decide: action({ input: decideInput, role: 'member', labels, run: (ctx, input) => decide(ctx, input) }),
  assign: action({ input: assignInput, role: 'member', labels, run: (ctx, input) => assign(ctx, input) }),
  reviewAnswer: action({ input: reviewAnswerInput, role: 'member', labels, run: (ctx, input) => reviewAnswer(ctx, input) }),
  /** after the rating deadline: missing raters become 未评价 and the round is settled */
  closeRating: action({ input: proposalRevisionInput, role: 'member', labels, run: (ctx, input) => closeRating(ctx, input.id, input.revision) }),
  /** a scanned 签到码 (`token`), or 代表 ticked from the roster (`memberIds`) */
  checkin: action({
    input: checkinInput, role: 'member', labels,
    run: (ctx, input) => (input.token ? checkinByToken(ctx, input.sessionId, input.token) : checkinByRoster(ctx, input.sessionId, input.memberIds ?? [])),
  }),
  fromOpinion: action({ input: fromOpinionInput, role: 'member', labels, run: (ctx, input) => fromOpinion(ctx, input.sessionId, input.opinionId, input.requestId) }),
  exportRecords: action({
    input: exportInput, role: 'member', labels,
    async run(ctx, input) {
      const { exportRecords } = await import('./exports')
      return exportRecords(ctx, input.sessionId, input.kind)
    },
  }),

  // ── committee and chair: people ──────────────────────────────────────────────
  /** committee and chair, or a 提案工作委员会 member of the latest session (checked inside) */
  findMembers: action({ input: membersInput, role: 'member', labels, run: (ctx, input) => findMembers(ctx, input.query) }),
  addDelegate: action({ input: delegateAddInput, role: 'committee', labels, run: (ctx, input) => addDelegate(ctx, input) }),
  removeDelegate: action({ input: delegateRemoveInput, role: 'committee', labels, run: (ctx, input) => removeDelegate(ctx, input.sessionId, input.memberId, input.reason) }),

  // ── the chair ────────────────────────────────────────────────────────────────
  saveSession: action({ input: sessionSaveInput, role: 'chair', deniedMessage: CHAIR_ONLY, labels, run: (ctx, input) => saveSession(ctx, input) }),
  setCommittee: action({ input: setCommitteeInput, role: 'chair', deniedMessage: CHAIR_ONLY, labels, run: (ctx, input) => setCommittee(ctx, input.sessionId, input.revision, input.memberIds) }),
  /** 会议文件: published 校务公开 notices the session lists, at the revision shown. */
  setDocuments: action({ input: setDocumentsInput, role: 'chair', deniedMessage: CHAIR_ONLY, labels, run: (ctx, input) => setDocuments(ctx, input.sessionId, input.revision, input.noticeIds) }),

  /** Timer (config.json): overdue cases to the chair, once a day. */
  escalate: action({ input: z.object({}), role: 'timer', run: (ctx) => escalate(ctx) }),
  /** Timer (config.json): the collection window's opening and closing reminders to 代表, once each per session. */
  remindCollection: action({ input: z.object({}), role: 'timer', run: (ctx) => remindCollection(ctx) }),
  closeExpiredRatings: action({ input: z.object({}), role: 'timer', run: (ctx) => closeExpiredRatings(ctx) }),
}

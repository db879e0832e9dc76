import * as z from 'zod/mini'
import {
  archiveInput, calendarInput, itemCancelInput, itemCreateInput, itemDoneInput, itemEditInput, itemIdInput, itemLinkInput, itemsInput, linkCandidatesInput,
  meetingCreateInput, meetingEditInput, meetingIdInput, meetingPublishInput, meetingsInput, planAdoptInput, planNoticeInput, planCopyInput, planSaveInput, planYearInput, summaryExportInput,
} from '../../types/plan'
import { action } from '../_shared/dispatch'
import type { FieldLabels } from '../_shared/input-issues'
import { calendar } from './calendar'
import { approvedPeople } from './linked-members'
import { cancelItem, candidates, createItem, editItem, linkItem, markDone } from './items'
import { createMeeting, editMeeting, meetingsOfYear, meetingView, publishMeeting } from './meetings'
import { withFileLinks } from './meeting-files'
import { adoptPlan, copyPlan, planView, savePlan, updatePlanNotice } from './plans'
import { remindOwners } from './reminders'
import { itemsOfYear, loadItem, loadMeeting, PLAN_COLLECTIONS as C, scanAll } from './store'
import { itemViews } from './status'
import { summary } from './summary'
import type { ItemHistoryDoc } from './documents'
import { iso } from '../_shared/query'

/** Every field as the plan and meeting forms name it (BAD_INPUT messages). */
const labels: FieldLabels = {
  year: '年度', fromYear: '复制哪一年', revision: '版本号', guidance: '指导思想', focus: '重点工作', requestId: '请求编号', id: '事项',
  month: '月份', date: '日期', title: '工作内容', category: '分类', ownerId: '负责人', note: '备注', public: '对会员公开', link: '关联',
  'link.kind': '关联类型', 'link.id': '关联对象', reason: '取消原因', done: '已完成', kind: '关联类型',
  type: '会议类型', place: '地点', attendeeIds: '参会人', absent: '缺席人', 'absent.memberId': '缺席人', 'absent.reason': '缺席原因', agenda: '议程',
  minutes: '会议纪要', decisions: '决定事项', 'decisions.text': '决定事项', 'decisions.ownerId': '负责人', 'decisions.due': '完成期限', files: '照片和附件', 'files.fileId': '照片和附件', 'files.name': '附件名', 'files.size': '附件大小', page: '页码', text: '总结段落', noticeVersion: '公告版本',
}
const CHAIR_ONLY = '只有工会主席可以进行此操作'

export const routes = {
  // ── members: the calendar ─────────────────────────────────────────────────
  /** Published activities, 公示期 ends and public items; the committee sees everything. */
  calendar: action({ input: calendarInput, role: 'member', labels, run: (ctx, input) => calendar(ctx, input.month) }),

  // ── the committee: plan, items, meetings ──────────────────────────────────
  get: action({ input: planYearInput, role: 'committee', labels, run: (ctx, input) => planView(ctx, input.year) }),
  items: action({
    input: itemsInput, role: 'committee', labels,
    async run(ctx, input) {
      const all = await itemsOfYear(ctx.db, input.year)
      return { items: await itemViews(ctx.db, input.month ? all.filter((i) => i.month === input.month) : all, ctx.now) }
    },
  }),
  addItem: action({ input: itemCreateInput, role: 'committee', labels, run: (ctx, input) => createItem(ctx, input) }),
  editItem: action({ input: itemEditInput, role: 'committee', labels, run: (ctx, input) => editItem(ctx, input) }),
  /** Links an item to an activity / notice / 慰问 plan / poll / meeting (or unlinks it with `link: null`). */
  linkItem: action({ input: itemLinkInput, role: 'committee', labels, run: (ctx, input) => linkItem(ctx, input.id, input.revision, input.link) }),
  cancelItem: action({ input: itemCancelInput, role: 'committee', labels, run: (ctx, input) => cancelItem(ctx, input.id, input.revision, input.reason) }),
  markDone: action({ input: itemDoneInput, role: 'committee', labels, run: (ctx, input) => markDone(ctx, input.id, input.revision, input.done) }),
  itemHistory: action({
    input: itemIdInput, role: 'committee', labels,
    async run(ctx, input) {
      await loadItem(ctx.db, input.id)
      const rows = await scanAll<ItemHistoryDoc>(ctx.db, C.history, { itemId: input.id })
      return { items: rows.sort((a, b) => a.revision - b.revision).map((h) => ({ revision: h.revision, at: iso(h.at), byName: h.byName, what: h.what })) }
    },
  }),
  linkCandidates: action({
    input: linkCandidatesInput, role: 'committee', labels,
    run: async (ctx, input) => ({ items: (await candidates(ctx, input.kind)).map((c) => ({ id: c.id, title: c.title, when: c.when })) }),
  }),
  people: action({
    input: z.object({}), role: 'committee', labels,
    async run(ctx) {
      const rows = await approvedPeople(ctx.db)
      return { items: rows.map((m) => ({ id: m._id, name: m.name, department: m.department, committee: m.role !== 'member' })).sort((a, b) => Number(b.committee) - Number(a.committee) || a.department.localeCompare(b.department, 'zh') || a.name.localeCompare(b.name, 'zh')) }
    },
  }),
  meetings: action({ input: meetingsInput, role: 'committee', labels, run: (ctx, input) => meetingsOfYear(ctx, input.year, input.page) }),
  meeting: action({ input: meetingIdInput, role: 'committee', labels, run: async (ctx, input) => withFileLinks(ctx, meetingView(await loadMeeting(ctx.db, input.id))) }),
  /** A meeting with its decisions (→ plan items) and 照片和附件 (checked and kept by content: meeting-files.ts). */
  recordMeeting: action({ input: meetingCreateInput, role: 'committee', labels, run: async (ctx, input) => withFileLinks(ctx, await createMeeting(ctx, input)) }),
  editMeeting: action({ input: meetingEditInput, role: 'committee', labels, run: async (ctx, input) => withFileLinks(ctx, await editMeeting(ctx, input)) }),
  summary: action({ input: planYearInput, role: 'committee', labels, run: (ctx, input) => summary(ctx, input.year) }),

  // ── the chair ───────────────────────────────────────────────────────────────
  save: action({ input: planSaveInput, role: 'chair', deniedMessage: CHAIR_ONLY, labels, run: (ctx, input) => savePlan(ctx, input) }),
  copy: action({ input: planCopyInput, role: 'chair', deniedMessage: CHAIR_ONLY, labels, run: (ctx, input) => copyPlan(ctx, input.year, input.fromYear) }),
  /** Adopts the plan and publishes it as a 校务公开 notice (notice-publish.ts). */
  adopt: action({ input: planAdoptInput, role: 'chair', deniedMessage: CHAIR_ONLY, labels, run: (ctx, input) => adoptPlan(ctx, input.year, input.revision) }),
  /** The adopted plan's later changes published as a correction (a new version) of its notice. */
  updateNotice: action({ input: planNoticeInput, role: 'chair', deniedMessage: CHAIR_ONLY, labels, run: (ctx, input) => updatePlanNotice(ctx, input.year, input.noticeVersion) }),
  /** A meeting's summary (议程, 决定事项, attendance count — never the minutes or who was absent why) published to 校务公开. */
  publishMeeting: action({ input: meetingPublishInput, role: 'chair', deniedMessage: CHAIR_ONLY, labels, run: (ctx, input) => publishMeeting(ctx, input.id, input.revision) }),
  /** The 工作总结 as Word (the chair's finished paragraphs, or the draft). */
  exportSummary: action({
    input: summaryExportInput, role: 'chair', deniedMessage: CHAIR_ONLY, labels,
    async run(ctx, input) {
      const { exportSummary } = await import('./exports')
      return exportSummary(ctx, input.year, input.text)
    },
  }),
  /** The year's 台帐 as one zip in cloud storage, built across calls: the app repeats it with the same request id until ready (archive.ts). */
  archive: action({
    input: archiveInput, role: 'chair', deniedMessage: CHAIR_ONLY, labels,
    async run(ctx, input) {
      const { buildArchive } = await import('./archive')
      return buildArchive(ctx, input.year, input.requestId)
    },
  }),

  /** Timer (config.json): the monthly reminder to owners. */
  remindOwners: action({ input: z.object({}), role: 'timer', run: (ctx) => remindOwners(ctx) }),
}

/**
 * Audit entries as Chinese sentences: "李晓梅 把 蒋文华 的慰问金 从 500.00 元 改为 300.00 元，原因：…".
 * Names, never ids; Chinese field names and values (audit-words.ts); money in 元; times in
 * Shanghai; no JSON and no hashes. A field that is neither named nor ignored is left out and
 * reported in `unnamed` (the test fails on it), so a new field shows up in review, not on screen.
 */
import { formatShanghai } from './time'
import { AREA_FIELD_NAMES, AREA_IGNORED, AREA_VALUE_NAMES, FIELD_NAMES, IGNORED_FIELDS, STATE_NAMES, VALUE_NAMES, yesNo } from './audit-words'
import { PATH_LABELS, type JoinPath } from './audit-words'

export interface AuditRecord {
  action: string
  actorName: string
  target: { kind: string; id: string; label?: string }
  before?: unknown
  after?: unknown
  note?: string
}

/** member id → name, for ids inside entries (assignee, visitors …). */
export type Names = ReadonlyMap<string, string>

const ID_LIKE = /^(?:[0-9a-f]{24,}|cloud:\/\/.*|[A-Za-z]+_[0-9a-f]{8,}.*)$/
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/
const MAX_ITEMS = 8
const MAX_TEXT = 60
/** Free text people wrote: shown in quotation marks so it reads as theirs. */
const QUOTED = new Set(['reply', 'question', 'answer', 'notes', 'description', 'note'])

class Writer {
  readonly unnamed = new Set<string>()
  constructor(readonly area: string, readonly names: Names) {}

  field(key: string): string | null {
    if (AREA_IGNORED[this.area]?.has(key)) return null
    const own = AREA_FIELD_NAMES[this.area]?.[key]
    if (own) return own
    if (IGNORED_FIELDS.has(key)) return null
    const name = FIELD_NAMES[key]
    if (!name) this.unnamed.add(key)
    return name ?? null
  }

  /** A value as a person reads it, or null when there is nothing worth saying (an id, an empty list). */
  value(key: string, v: unknown): string | null {
    if (v === null || v === undefined || v === '') return '无'
    if (typeof v === 'boolean') return yesNo(v, key)
    if (typeof v === 'number') return /Fen(Each)?$/.test(key) ? `${(v / 100).toFixed(2)} 元` : String(v)
    if (v instanceof Date) return formatShanghai(v)
    if (typeof v === 'string') return this.text(key, v)
    if (Array.isArray(v)) return this.list(key, v)
    if (typeof v === 'object') return this.object(key, v as Record<string, unknown>)
    return null
  }

  private text(key: string, v: string): string | null {
    if (key === 'state') return STATE_NAMES[this.area]?.[v] ?? null
    const coded = AREA_VALUE_NAMES[this.area]?.[key]?.[v] ?? VALUE_NAMES[key]?.[v]
    if (coded) return coded
    if (ISO_INSTANT.test(v)) return formatShanghai(new Date(v))
    if (ID_LIKE.test(v)) return this.names.get(v) ?? null
    if (/^[A-Za-z_]+$/.test(v)) return null // an untranslated code: never shown raw
    const short = v.length > MAX_TEXT ? `${v.slice(0, MAX_TEXT)}…` : v
    return QUOTED.has(key) ? `“${short}”` : short
  }

  private list(key: string, items: unknown[]): string | null {
    if (key === 'photos') return `${items.length} 张`
    const shown = items.map((i) => {
      if (i && typeof i === 'object') {
        const o = i as Record<string, unknown>
        const label = typeof o.name === 'string' ? o.name : typeof o.label === 'string' ? o.label : null
        if (label && typeof o.valueFen === 'number') return `${label}（${(o.valueFen / 100).toFixed(2)} 元）`
        return label
      }
      return this.value(key, i)
    }).filter((s): s is string => Boolean(s))
    if (!shown.length) return '无'
    return shown.length > MAX_ITEMS ? `${shown.slice(0, MAX_ITEMS).join('、')} 等 ${shown.length} 项` : shown.join('、')
  }

  private object(key: string, o: Record<string, unknown>): string | null {
    if (typeof o.name === 'string') return o.name // a person: recipient, visitor
    if (key === 'audience') {
      const kind = VALUE_NAMES.audienceKind[String(o.kind)] ?? null
      return Array.isArray(o.departments) && o.departments.length ? `${kind}：${o.departments.join('、')}` : kind
    }
    if (key === 'guests') return `最多 ${String(o.max)} 人${o.countsTowardCapacity ? '，占名额' : '，不占名额'}`
    if (key === 'frequency') return `每 ${String(o.years)} 年一次`
    const parts = this.fields(o)
    return parts.length ? parts.join('，') : null
  }

  /** "字段：值" for every named field of an object (what was set, with no "before"); empty values and the target's own name left out. */
  fields(o: Record<string, unknown>, skip = ''): string[] {
    const out: string[] = []
    for (const [k, v] of Object.entries(o)) {
      const name = this.field(k)
      const shown = name ? this.value(k, v) : null
      if (name && shown && shown !== '无' && shown !== '0 张' && shown !== skip) out.push(`${name}：${shown}`)
    }
    return out
  }

  /** "字段 从 甲 改为 乙" for every named field that changed; fields only in `after` as "字段：乙". */
  changes(before: unknown, after: unknown): string[] {
    const b = (before && typeof before === 'object' ? before : {}) as Record<string, unknown>
    const a = (after && typeof after === 'object' ? after : {}) as Record<string, unknown>
    const out: string[] = []
    for (const k of new Set([...Object.keys(b), ...Object.keys(a)])) {
      const name = this.field(k)
      if (!name) continue
      const was = k in b ? this.value(k, b[k]) : null
      const now = k in a ? this.value(k, a[k]) : null
      if (was !== null && now !== null) {
        if (was !== now) out.push(`${name} 从 ${was} 改为 ${now}`)
      } else if (now !== null) out.push(`${name}：${now}`)
    }
    return out
  }
}

type Phrase = (e: AuditRecord, w: Writer, t: string) => string

/** "把 X 的A 从 甲 改为 乙，B 从 丙 改为 丁" — or `fallback` when nothing named changed. */
const changed = (whose: (t: string) => string, fallback: (t: string) => string): Phrase => (e, w, t) => {
  const list = w.changes(e.before, e.after)
  return list.length ? `把 ${whose(t)} 的${list.join('，')}` : fallback(t)
}
/** "did X：A 从 甲 改为 乙" — a change to a thing with a title. */
const edited = (did: (t: string) => string): Phrase => (e, w, t) => {
  const list = w.changes(e.before, e.after)
  return list.length ? `${did(t)}：${list.join('，')}` : did(t)
}
/** "did X（A：甲，B：乙）" — what a creation set. */
const created = (did: (t: string) => string): Phrase => (e, w, t) => {
  const list = e.after && typeof e.after === 'object' ? w.fields(e.after as Record<string, unknown>, t) : []
  return list.length ? `${did(t)}（${list.join('，')}）` : did(t)
}
const plain = (did: (t: string) => string): Phrase => (_e, _w, t) => did(t)
const after = (e: AuditRecord, key: string): unknown => (e.after && typeof e.after === 'object' ? (e.after as Record<string, unknown>)[key] : undefined)
const viaOf = (e: AuditRecord) => PATH_LABELS[after(e, 'joinedVia') as JoinPath] ?? '申请'
const returned = (e: AuditRecord) => (e.before && typeof e.before === 'object' && (e.before as Record<string, unknown>).membership === 'removed')

/** What the actor did, per action. An action missing here reads "做了一项操作（名称）" and fails the test. */
export const PHRASES: Record<string, Phrase> = {
  'member.setup': plain(() => '用设置码成为工会主席'),
  'member.join': (e) => `通过“${viaOf(e)}”加入工会，成为会员`,
  'member.rejoin': (e) => `曾被移除，通过“${viaOf(e)}”重新加入工会，身份为普通会员`,
  'member.approve': (e, _w, t) => (returned(e) ? `通过了 ${t} 的入会申请（曾被移除，重新加入为普通会员）` : `通过了 ${t} 的入会申请`),
  'member.reject': plain((t) => `没有通过 ${t} 的入会申请`),
  'member.update': changed((t) => t, (t) => `核对了 ${t} 的资料，没有改动`),
  'member.setRole': changed((t) => t, (t) => `调整了 ${t} 的身份`),
  'member.handOver': plain((t) => `把主席职务移交给 ${t}`),
  'member.remove': plain((t) => `移除了会员 ${t}`),
  'member.requestChange': edited(() => '申请修改自己的资料'),
  'member.decideChange': (e, w, t) => {
    const ok = after(e, 'approved') === true
    const { approved: _decision, ...asked } = (e.after ?? {}) as Record<string, unknown>
    const list = w.changes(e.before, asked)
    return ok ? `同意了 ${t} 的资料变更：${list.join('，')}` : `没有同意 ${t} 的资料变更`
  },
  'member.setDepartments': edited(() => '修改了部门列表'),
  'member.setJoinSettings': edited(() => '修改了加入方式'),
  'member.bindGroup': plain(() => '绑定了教职工群（从群里打开小程序的教职工可直接加入）'),
  'member.createInvite': created((t) => `创建了邀请码 ${t}`),
  'member.revokeInvite': plain((t) => `停用了邀请码 ${t}`),
  'member.importRoster': created((t) => `导入了教职工名册 ${t}`),
  'member.exportDirectory': created(() => '导出了会员名册'),
  'notice.createDraft': plain((t) => `起草了公告《${t}》`),
  'notice.updateDraft': edited((t) => `修改了草稿《${t}》`),
  'notice.publish': plain((t) => `发布了公告《${t}》`),
  'notice.correct': (e, w, t) => `更正了公告《${t}》（${w.changes(e.before, e.after).join('，') || '内容有改动'}）`,
  'notice.withdraw': plain((t) => `撤回了公告《${t}》`),
  'notice.pin': (e, _w, t) => (after(e, 'pinned') ? `把公告《${t}》置顶` : `取消了公告《${t}》的置顶`),
  'notice.remindUnread': created((t) => `提醒了公告《${t}》的未读会员`),
  'notice.answerObjection': plain((t) => `答复了 ${t} 提出的异议`),
  'notice.exportFiling': plain((t) => `导出了公告《${t}》的备案文档`),
  'notice.exportLedger': plain(() => '导出了校务公开台账'),
  'opinion.assign': edited((t) => `分派了意见“${t}”`),
  'opinion.reply': edited((t) => `答复了意见“${t}”`),
  'opinion.close': plain((t) => `办结了意见“${t}”`),
  'opinion.reject': edited((t) => `对意见“${t}”不予受理`),
  'opinion.release': plain((t) => `放行了待审的意见“${t}”`),
  'opinion.publishQa': plain((t) => `把意见“${t}”及答复发布为问答`),
  'opinion.setSettings': edited(() => '修改了意见箱设置'),
  'activity.create': plain((t) => `创建了活动“${t}”`),
  'activity.edit': edited((t) => `修改了活动“${t}”`),
  'activity.publish': plain((t) => `发布了活动“${t}”`),
  'activity.cancel': plain((t) => `取消了活动“${t}”`),
  'activity.finish': plain((t) => `结束了活动“${t}”`),
  'activity.approve': plain((t) => `通过了报名：${t}`),
  'activity.reject': plain((t) => `没有通过报名：${t}`),
  'activity.message': created((t) => `给活动“${t}”的报名者发了通知`),
  'activity.export': plain((t) => `导出了活动“${t}”的报名名单`),
  'activity.checkin': plain((t) => `为 ${t} 办理了签到`),
  'activity.checkinByRoster': plain((t) => `按名单为 ${t} 办理了签到`),
  'activity.registerFor': plain((t) => `代会员报了名：${t}`),
  'welfare.record': created((t) => `登记了对 ${t} 的慰问`),
  'welfare.complete': edited((t) => `登记完成了对 ${t} 的慰问`),
  'welfare.correct': changed((t) => t, (t) => `更正了对 ${t} 的慰问记录`),
  'welfare.cancel': plain((t) => `取消了对 ${t} 的慰问计划`),
  'welfare.planCreate': created((t) => `建立了慰问计划“${t}”`),
  'welfare.planClose': plain((t) => `结束了慰问计划“${t}”`),
  'welfare.setHardship': (e, _w, t) => (after(e, 'hardship') ? `把 ${t} 标记为困难职工` : `取消了 ${t} 的困难职工标记`),
  'welfare.disclosureDraft': created((t) => `起草了经费公开“${t}”`),
  'welfare.export': plain((t) => `导出了慰问台账 ${t}`),
  'notify.failed': created((t) => `没有送达：${t}`),
  'poll.create': created((t) => `创建了投票“${t}”`),
  'poll.edit': edited((t) => `修改了投票“${t}”`),
  'poll.discard': plain((t) => `放弃了投票草稿“${t}”`),
  'poll.open': (e, w, t) => `开启了投票“${t}”（${w.fields({ rosterSize: after(e, 'rosterSize') }).join('')}）`,
  'poll.close': (e, w, t) => `结束了投票“${t}”（${w.fields({ outcome: after(e, 'outcome'), rosterSize: after(e, 'rosterSize'), receipts: after(e, 'receipts'), ballots: after(e, 'ballots') }).join('，')}）`,
  'poll.publish': (e, w, t) => `把投票“${t}”的结果公布到校务公开（${w.fields({ publicityDays: after(e, 'publicityDays') }).join('')}）`,
  'poll.runoff': created((t) => `发起了第二轮投票“${t}”`),
  'poll.remind': created((t) => `提醒了投票“${t}”的未投票选民`),
  'poll.report': plain((t) => `导出了投票“${t}”的报告`),
  'poll.printSlips': created((t) => `为投票“${t}”打印了评议码`),
  'poll.issueSlip': created((t) => `发放了投票“${t}”的评议码`),
  'congress.createSession': plain((t) => `建立了${t}`),
  'congress.editSession': plain((t) => `修改了${t}的会议安排`),
  'congress.setCommittee': plain((t) => `确定了${t}的提案工作委员会`),
  'congress.setDocuments': plain((t) => `更新了${t}的会议文件`),
  'congress.addDelegate': plain((t) => `把 ${t} 列入教代会名单`),
  'congress.removeDelegate': plain((t) => `把 ${t} 移出教代会名单`),
  'congress.accept': plain((t) => `对${t}立案`),
  'congress.returnProposal': plain((t) => `把${t}退回修改`),
  'congress.toSuggestion': plain((t) => `把${t}转为意见建议`),
  'congress.merge': plain((t) => `把${t}并案`),
  'congress.assign': plain((t) => `交办了${t}`),
  'congress.approveAnswer': plain((t) => `审核通过了${t}的答复，交提案人和附议人评价`),
  'congress.returnAnswer': plain((t) => `把${t}的答复退回重办`),
  'congress.closeRating': plain((t) => `在评价期满后结束了${t}的评价`),
  'congress.checkin': plain((t) => `为${t}办理了代表签到`),
  'congress.fromOpinion': plain((t) => `把一条意见转为提案草稿${t}`),
  'congress.export': plain((t) => `导出了${t}的提案文件`),
  'plan.save': plain((t) => `编辑了《${t}》`),
  'plan.copy': plain((t) => `从上一年复制起草了《${t}》`),
  'plan.adopt': plain((t) => `通过了《${t}》并发布到校务公开`),
  'plan.addItem': plain((t) => `在工作计划中新增了“${t}”`),
  'plan.editItem': plain((t) => `修改了计划事项“${t}”`),
  'plan.linkItem': plain((t) => `调整了计划事项“${t}”的关联`),
  'plan.cancelItem': plain((t) => `取消了计划事项“${t}”`),
  'plan.markDone': plain((t) => `更新了计划事项“${t}”的完成情况`),
  'plan.recordMeeting': plain((t) => `登记了会议记录“${t}”`),
  'plan.editMeeting': plain((t) => `修改了会议记录“${t}”`),
  'plan.publishMeeting': plain((t) => `把会议“${t}”的纪要发布到校务公开`),
  'plan.exportSummary': plain((t) => `导出了《${t}》`),
  'plan.archive': plain((t) => `生成了台帐 ${t}`),
}

/** How the note reads after the sentence, per action (default: 原因). null: the note is not for people. */
const NOTE_LABELS: Record<string, string | null> = {
  'activity.message': '内容', 'activity.export': '', 'notice.exportLedger': '', 'welfare.export': '', 'member.handOver': '',
  'notice.answerObjection': null, 'member.importRoster': '', 'member.exportDirectory': '筛选', 'poll.report': '格式',
  'activity.registerFor': null, 'activity.checkinByRoster': null,
  'congress.setCommittee': '委员', 'congress.setDocuments': '文件', 'congress.addDelegate': '', 'congress.removeDelegate': '', 'congress.merge': '', 'congress.assign': '交办给',
  'congress.checkin': '', 'congress.export': '文件', 'congress.closeRating': '', 'plan.save': '', 'plan.archive': '',
}

export function sentence(e: AuditRecord, names: Names): { text: string; unnamed: string[] } {
  const area = e.action.split('.')[0]
  const w = new Writer(area, names)
  const label = e.target.label && !ID_LIKE.test(e.target.label) ? e.target.label : names.get(e.target.id) ?? '（对象）'
  const phrase = PHRASES[e.action]
  let text = phrase ? `${e.actorName} ${phrase(e, w, label)}` : `${e.actorName} 做了一项操作（${label}）`
  const noteLabel = e.action in NOTE_LABELS ? NOTE_LABELS[e.action] : '原因'
  if (e.note && noteLabel !== null && !ID_LIKE.test(e.note)) text += noteLabel ? `，${noteLabel}：${e.note}` : `，${e.note}`
  if (!phrase) w.unnamed.add(e.action)
  return { text: `${text}。`, unnamed: [...w.unnamed] }
}

/** Member ids an entry mentions (target, assignee, visitors …), to look their names up in one query. */
export function idsIn(e: AuditRecord): string[] {
  const out = new Set<string>()
  const walk = (v: unknown) => {
    if (typeof v === 'string' && ID_LIKE.test(v)) out.add(v)
    else if (Array.isArray(v)) v.forEach(walk)
    else if (v && typeof v === 'object') Object.values(v).forEach(walk)
  }
  walk(e.before)
  walk(e.after)
  if (!e.target.label) out.add(e.target.id)
  return [...out]
}

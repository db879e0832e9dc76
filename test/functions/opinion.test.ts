/**
 * 意见箱 through the real runner and SDK: submitting, the submitter's side, every workflow
 * transition allowed and refused per role, Q&A, notifications, timers, settings, statistics.
 */
import {
  opinionCase, opinionInboxOutput, opinionListQaOutput, opinionMineOutput, opinionPublicStatsOutput, opinionStatsOutput, opinionView,
} from '../../types/opinion'
import { result } from '../../types/result'
import { TEMPLATES } from '../../types/templates'
import { callAs, seededEnv } from './helpers'
import { COMMITTEE2, nextBatch, opinionCount, outbox, seedMember, submitAs, trigger } from './opinion-support'
import { medianOf, mergeMonths } from '../../cloudfunctions/opinion/stats'

let env: string
let db: any
beforeAll(async () => { ({ env, db } = await seededEnv('opinion')) })

const op = (who: Parameters<typeof callAs>[1], action: string, input: Record<string, unknown> = {}) => callAs(env, who, 'opinion', { action, ...input })
const audits = async (action: string) => (await db.collection('audit_log').where({ action }).limit(100).get()).data

describe('opinion.mine', () => {
  it('lists only the caller’s named opinions', async () => {
    const r = await op('staff', 'mine')
    expect(r.ok).toBe(true)
    expect(r.data.items.map((o: any) => o.text)).toEqual(expect.arrayContaining([
      '学校东门晚上有两盏路灯不亮，晚自习下班时很暗，请后勤处维修。',
      '建议今年体检增加甲状腺彩超和骨密度检测项目。',
    ]))
    expect(result(opinionMineOutput).safeParse(r).success).toBe(true)
  })

  it('shows the latest reply of an answered opinion', async () => {
    const { items } = (await op('staff', 'mine')).data
    const answered = items.find((o: any) => o.state === 'replied')
    expect(answered.replyCount).toBe(1)
    expect(answered.lastReply.text).toContain('骨密度')
  })

  it('links no anonymous opinion to anyone: the committee, who wrote none by name, sees none', async () => {
    const anonymous = await db.collection('opinions').where({ anonymous: true }).count()
    expect(anonymous.total).toBeGreaterThan(0)
    expect((await op('committee', 'mine')).data).toEqual({ items: [], page: 1, total: 0 })
  })
})

describe('opinion.listQa', () => {
  it('shows members the published Q&A', async () => {
    const r = await op('retiree', 'listQa')
    expect(r.data.items[0]).toMatchObject({ category: '食堂', question: expect.stringContaining('清淡') })
    expect(result(opinionListQaOutput).safeParse(r).success).toBe(true)
  })

  it('does not reveal which opinion a Q&A came from', async () => {
    const r = await op('chair', 'listQa')
    expect(Object.keys(r.data.items[0]).sort()).toEqual(['answer', 'category', 'id', 'publishedAt', 'question'])
  })
})

describe('opinion.submit', () => {
  it('gives an anonymous submitter a 16-character receipt code once, and stores no identity', async () => {
    const r = await submitAs(env, seedMember(6), { text: '匿名：操场跑道有几处开裂，请尽快修补。', category: '后勤保障' })
    expect(r).toMatchObject({ ok: true, data: { held: false } })
    expect(r.data.code).toMatch(/^[0-9A-HJKMNP-TV-Z]{16}$/)
    expect(r.data).not.toHaveProperty('id')
    const { data: [doc] } = await db.collection('opinions').where({ text: '匿名：操场跑道有几处开裂，请尽快修补。' }).get()
    expect(doc).not.toHaveProperty('memberId')
    expect(JSON.stringify(doc)).not.toContain('o_seed_006')
    expect(JSON.stringify(doc)).not.toContain(r.data.code)
    expect(doc.anonymous).toBe(true)
    // Waits for the daily batch: no release day, no due date yet.
    expect(doc.awaitingRelease).toBe(true)
    expect(doc).not.toHaveProperty('visibleOn')
    expect(doc).not.toHaveProperty('dueOn')
  })

  it('links a named opinion to its author and shows it in 我的意见 at once', async () => {
    const r = await submitAs(env, seedMember(7), { anonymous: false, text: '署名：建议教师休息室添置一台微波炉。' })
    expect(r.data.id).toEqual(expect.any(String))
    expect(r.data).not.toHaveProperty('code')
    const mine = (await op(seedMember(7), 'mine')).data.items
    expect(mine.map((o: any) => o.id)).toContain(r.data.id)
  })

  it.each([
    ['text too short', { text: '短' }, /内容至少/],
    ['four images', { images: [1, 2, 3, 4].map((n) => `cloud://t.bucket/uploads/opinion/${String(n).repeat(32)}.jpg`) }, /图片最多 3 项/],
    ['an image that is not a staged upload', { images: ['%%%'] }, /图片没有上传成功/],
    ['an unknown category', { category: '工资' }, /分类/],
  ])('refuses %s with a Chinese message and writes nothing', async (_what, input, message) => {
    const before = await opinionCount(db)
    const r = await submitAs(env, seedMember(8), input)
    expect(r).toMatchObject({ ok: false, code: 'BAD_INPUT' })
    expect(r.message).toMatch(message)
    expect(await opinionCount(db)).toBe(before)
  })

  it('refuses risky content (msgSecCheck risky) and stores nothing', async () => {
    const before = await opinionCount(db)
    const r = await submitAs(env, seedMember(8), { text: '有人在群里推广网络赌博，请工会关注。' })
    expect(r).toMatchObject({ ok: false, code: 'BAD_INPUT', message: expect.stringContaining('违反平台规范') })
    expect(await opinionCount(db)).toBe(before)
  })

  it('holds content the check wants reviewed, and holds (never drops) when the check is unreachable', async () => {
    const review = await submitAs(env, seedMember(8), { text: '__test_review__ 这条需要人工看一下。' })
    const down = await submitAs(env, seedMember(8), { text: '__seccheck_down__ 检查服务不可用时的意见。' })
    expect(review.data.held).toBe(true)
    expect(down.data.held).toBe(true)
    const held = (await db.collection('opinions').where({ held: db.command.exists(true), text: db.command.in(['__test_review__ 这条需要人工看一下。', '__seccheck_down__ 检查服务不可用时的意见。']) }).get()).data
    expect(held.map((o: any) => o.held).sort()).toEqual(['review', 'unavailable'])
  })

  it('allows five submissions a day per member, then refuses with RATE_LIMITED', async () => {
    const who = seedMember(9)
    for (let i = 0; i < 5; i++) expect((await submitAs(env, who, { text: `第 ${i + 1} 条：关于食堂的建议。` })).ok).toBe(true)
    const sixth = await submitAs(env, who, { text: '第 6 条：关于食堂的建议。' })
    expect(sixth).toMatchObject({ ok: false, code: 'RATE_LIMITED', message: expect.stringContaining('每人每天最多') })
    expect((await submitAs(env, seedMember(10), { text: '另一位老师不受影响。' })).ok).toBe(true)
  })
})

describe('workflow: every transition allowed and refused per role', () => {
  let anonCode: string
  let anonId: string
  let namedId: string
  beforeAll(async () => {
    const anon = await submitAs(env, 'retiree', { text: '退休教师体检能否安排在上午？', category: '福利待遇' })
    anonCode = anon.data.code
    const named = await submitAs(env, 'staff', { anonymous: false, notifyReply: true, text: '署名：办公室打印机经常卡纸。', category: '后勤保障' })
    namedId = named.data.id
    anonId = (await db.collection('opinions').where({ text: '退休教师体检能否安排在上午？' }).get()).data[0]._id
  })

  it('keeps a new anonymous item from the chair until the daily batch', async () => {
    expect(await op('chair', 'case', { id: anonId })).toMatchObject({ ok: false, code: 'NOT_FOUND' })
    const pending = (await op('chair', 'inbox', { filter: 'pending' })).data.items.map((i: any) => i.id)
    expect(pending).toContain(namedId)
    expect(pending).not.toContain(anonId)
    await nextBatch(env)
    const after = await op('chair', 'inbox', { filter: 'pending' })
    expect(result(opinionInboxOutput).safeParse(after).success).toBe(true)
    expect(after.data.items.map((i: any) => i.id)).toContain(anonId)
  })

  it('shows the chair no identity on an anonymous item, and the name on a named one', async () => {
    const anon = await op('chair', 'case', { id: anonId })
    expect(result(opinionCase).safeParse(anon).success).toBe(true)
    expect(anon.data.anonymous).toBe(true)
    expect(anon.data).not.toHaveProperty('submitter')
    expect(JSON.stringify(anon.data)).not.toMatch(/陈桂兰|mem004|o_dev_retiree/)
    expect((await op('chair', 'case', { id: namedId })).data.submitter).toEqual({ name: '张明', department: expect.any(String) })
  })

  it('lets a committee member see nothing that is not assigned to them', async () => {
    expect(await op('committee', 'case', { id: anonId })).toMatchObject({ ok: false, code: 'NOT_FOUND' })
    expect((await op('committee', 'inbox', { filter: 'open' })).data.items.map((i: any) => i.id)).not.toContain(anonId)
  })

  it('refuses to reply to or close an unassigned item, even for the chair', async () => {
    expect(await op('chair', 'reply', { id: anonId, text: '先答复一下。' })).toMatchObject({ ok: false, code: 'CONFLICT', message: expect.stringContaining('指派') })
    expect(await op('chair', 'close', { id: anonId })).toMatchObject({ ok: false, code: 'CONFLICT', message: expect.stringContaining('还没有答复') })
  })

  it('refuses assigning to someone who is not committee or chair', async () => {
    expect(await op('chair', 'assign', { id: anonId, assigneeId: 'mem003' })).toMatchObject({ ok: false, code: 'BAD_INPUT' })
  })

  it('assigns (待受理 → 处理中) and records who did it, with nothing about the submitter', async () => {
    const r = await op('chair', 'assign', { id: anonId, assigneeId: 'mem002' })
    expect(r.data).toMatchObject({ state: 'processing', assignee: { id: 'mem002', name: '李晓梅' } })
    const [entry] = (await audits('opinion.assign')).filter((a: any) => a.target.id === anonId)
    expect(entry).toMatchObject({ actorId: 'mem001', actorName: '王建华', after: { state: 'processing', assignee: '李晓梅' } })
    expect(JSON.stringify(entry)).not.toMatch(/陈桂兰|mem004|o_dev_retiree/)
  })

  it('closing without a reply is refused for the assignee too', async () => {
    expect(await op('committee', 'close', { id: anonId })).toMatchObject({ ok: false, code: 'CONFLICT', message: expect.stringContaining('还没有答复') })
  })

  it('another committee member cannot see or answer it', async () => {
    expect(await op(COMMITTEE2, 'case', { id: anonId })).toMatchObject({ ok: false, code: 'NOT_FOUND' })
    expect(await op(COMMITTEE2, 'reply', { id: anonId, text: '我来答复。' })).toMatchObject({ ok: false, code: 'NOT_FOUND' })
  })

  it('the assignee replies (处理中 → 已答复); the submitter reads it by code, without handler names', async () => {
    const r = await op('committee', 'reply', { id: anonId, text: '已与体检中心商定：退休教师安排在周二上午。' })
    expect(r.data.state).toBe('replied')
    expect(r.data.replies[0]).toMatchObject({ byName: '李晓梅' })
    const view = await op('retiree', 'view', { code: anonCode })
    expect(result(opinionView).safeParse(view).success).toBe(true)
    expect(view.data).toMatchObject({ state: 'replied', replies: [{ text: expect.stringContaining('周二上午'), on: expect.stringMatching(/^\d{4}-\d\d-\d\d$/) }] })
    expect(JSON.stringify(view.data)).not.toContain('李晓梅')
    expect((await audits('opinion.reply')).some((a: any) => a.target.id === anonId && a.actorId === 'mem002')).toBe(true)
  })

  it('the submitter adds a follow-up with the date only, and rates the answer', async () => {
    const f = await op('retiree', 'followUp', { code: anonCode, text: '谢谢，能否也安排接送？' })
    expect(f.data.followUps).toEqual([{ text: '谢谢，能否也安排接送？', on: expect.stringMatching(/^\d{4}-\d\d-\d\d$/) }])
    const stored = (await db.collection('opinions').doc(anonId).get()).data
    expect(Object.keys(stored.followUps[0]).sort()).toEqual(['on', 'text'])
    const rated = await op('retiree', 'rate', { code: anonCode, rating: 'satisfied' })
    expect(rated.data.rating).toBe('satisfied')
  })

  it('the assignee closes it (已答复 → 已办结); then no follow-up, no reject, no assign', async () => {
    expect((await op('committee', 'close', { id: anonId })).data.state).toBe('closed')
    expect(await op('retiree', 'followUp', { code: anonCode, text: '再补充一点。' })).toMatchObject({ ok: false, code: 'CONFLICT' })
    expect(await op('chair', 'reject', { id: anonId, reason: '不属于工会职责范围。' })).toMatchObject({ ok: false, code: 'CONFLICT' })
    expect(await op('chair', 'assign', { id: anonId, assigneeId: 'mem005' })).toMatchObject({ ok: false, code: 'CONFLICT' })
  })

  it('publishes as Q&A only with edited text, once; the submitter sees it on their item', async () => {
    const r = await op('chair', 'publishQa', { id: anonId, question: '退休教师体检能否安排在上午？', answer: '今年起退休教师体检安排在周二上午。' })
    expect(r.data.qaId).toEqual(expect.any(String))
    expect(await op('chair', 'publishQa', { id: anonId, question: '再公开一次？', answer: '不行。' })).toMatchObject({ ok: false, code: 'CONFLICT' })
    expect((await op('staff', 'listQa')).data.items[0]).toMatchObject({ question: '退休教师体检能否安排在上午？' })
    expect((await op('retiree', 'view', { code: anonCode })).data.qa).toMatchObject({ answer: '今年起退休教师体检安排在周二上午。' })
    expect((await audits('opinion.publishQa')).length).toBeGreaterThan(0)
  })

  it('refuses publishing an item that has no reply', async () => {
    expect(await op('chair', 'publishQa', { id: namedId, question: '打印机经常卡纸怎么办？', answer: '还没有答复。' })).toMatchObject({ ok: false, code: 'CONFLICT' })
  })

  it('tells a named author who subscribed that a reply arrived (one message), never an anonymous one', async () => {
    await op('chair', 'assign', { id: namedId, assigneeId: 'mem001' })
    await op('chair', 'reply', { id: namedId, text: '已报修，明天更换打印机。' })
    const sent = (await outbox(env)).filter((m) => m.templateId === TEMPLATES.opinionReply)
    expect(sent).toHaveLength(1)
    expect(sent[0]).toMatchObject({ touser: 'o_dev_staff', page: expect.stringContaining(namedId) })
    await op('chair', 'reply', { id: namedId, text: '已更换。' })
    expect((await outbox(env)).filter((m) => m.templateId === TEMPLATES.opinionReply)).toHaveLength(1)
  })

  it('the named author reads and rates from 我的意见 by id; nobody else can', async () => {
    expect((await op('staff', 'view', { id: namedId })).data).toMatchObject({ id: namedId, state: 'replied' })
    expect(await op('retiree', 'view', { id: namedId })).toMatchObject({ ok: false, code: 'NOT_FOUND' })
    expect(await op('retiree', 'rate', { id: namedId, rating: 'dissatisfied' })).toMatchObject({ ok: false, code: 'NOT_FOUND' })
    expect((await op('staff', 'rate', { id: namedId, rating: 'fair' })).data.rating).toBe('fair')
    expect((await op('staff', 'followUp', { id: namedId, text: '打印机换了以后好多了。' })).data.followUps).toEqual([{ text: '打印机换了以后好多了。', on: expect.any(String) }])
    expect(await op('retiree', 'followUp', { id: namedId, text: '冒名补充。' })).toMatchObject({ ok: false, code: 'NOT_FOUND' })
    expect(namedId).toMatch(/^[0-9a-f]{32}$/)
  })

  it('rating before any reply is refused', async () => {
    const r = await submitAs(env, seedMember(11), { text: '还没答复就评价？' })
    expect(await op(seedMember(11), 'rate', { code: r.data.code, rating: 'satisfied' })).toMatchObject({ ok: false, code: 'CONFLICT' })
  })

  it('不予受理 needs a reason, which the submitter sees', async () => {
    const r = await submitAs(env, seedMember(12), { text: '希望把节日福利换成现金。' })
    await nextBatch(env)
    const id = (await db.collection('opinions').where({ text: '希望把节日福利换成现金。' }).get()).data[0]._id
    expect(await op('chair', 'reject', { id, reason: '' })).toMatchObject({ ok: false, code: 'BAD_INPUT' })
    expect(await op('committee', 'reject', { id, reason: '经费规定不允许发放现金。' })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect((await op('chair', 'reject', { id, reason: '经费规定不允许发放现金。' })).data.state).toBe('rejected')
    expect((await op(seedMember(12), 'view', { code: r.data.code })).data).toMatchObject({ state: 'rejected', rejectReason: '经费规定不允许发放现金。' })
  })

  it('a held item is seen by the chair only, cannot be assigned until released', async () => {
    await submitAs(env, seedMember(13), { text: '__test_review__ 待审核的意见。' })
    await nextBatch(env)
    const held = (await op('chair', 'inbox', { filter: 'held' })).data.items.find((i: any) => i.text.includes('待审核的意见'))
    expect(held).toMatchObject({ held: 'review' })
    expect(await op('chair', 'assign', { id: held.id, assigneeId: 'mem002' })).toMatchObject({ ok: false, code: 'CONFLICT', message: expect.stringContaining('放行') })
    expect((await op('chair', 'release', { id: held.id })).data).not.toHaveProperty('held')
    expect((await op('chair', 'assign', { id: held.id, assigneeId: 'mem002' })).data.state).toBe('processing')
    expect((await audits('opinion.release')).some((a: any) => a.target.id === held.id)).toBe(true)
  })
})

describe('due dates, reminders and counters', () => {
  it('the chair sets the due days; new items take them, the change is audited', async () => {
    expect((await op('chair', 'getSettings')).data).toEqual({ dueDays: 7 })
    expect(await op('chair', 'setSettings', { dueDays: 0 })).toMatchObject({ ok: false, code: 'BAD_INPUT', message: expect.stringContaining('办理期限') })
    expect((await op('chair', 'setSettings', { dueDays: 10 })).data).toEqual({ dueDays: 10 })
    const r = await submitAs(env, seedMember(14), { anonymous: false, text: '设置后提交的意见。' })
    const days = (Date.parse(r.data.dueOn) - Date.parse(r.data.submittedOn)) / 86_400_000
    expect(days).toBe(10)
    expect((await audits('opinion.setSettings'))[0]).toMatchObject({ before: { dueDays: 7 }, after: { dueDays: 10 } })
    await op('chair', 'setSettings', { dueDays: 7 })
  })

  it('flags overdue items in the inbox', async () => {
    const overdue = (await op('chair', 'inbox', { filter: 'overdue' })).data.items
    expect(overdue.length).toBeGreaterThan(0)
    expect(overdue.every((i: any) => i.overdue)).toBe(true)
    expect(overdue.map((i: any) => i.text)).toContain('建议组织一次师德师风专题讲座，邀请优秀退休教师分享带班经验。')
  })

  it('the daily timer reminds each chair of the overdue count', async () => {
    const r = await trigger(env, 'opinion', 'remindOverdue')
    expect(r.result).toMatchObject({ ok: true, data: { overdue: expect.any(Number), notified: 1 } })
    const [msg] = (await outbox(env)).filter((m) => m.templateId === TEMPLATES.opinionOverdue)
    expect(msg).toMatchObject({ touser: 'o_dev_chair', data: { number2: { value: String(r.result.data.overdue) } } })
  })

  it('the midnight timer deletes the counters of days that ended and keeps today’s', async () => {
    await db.collection('opinion_counters').add({ data: { _id: 'submit-old', day: '2020-01-01', n: 3 } })
    const todays = (await db.collection('opinion_counters').where({ day: db.command.gte('2021-01-01') }).count()).total
    expect(todays).toBeGreaterThan(0)
    const r = await trigger(env, 'opinion', 'purgeCounters')
    expect(r.result.data.removed).toBeGreaterThanOrEqual(1)
    expect((await db.collection('opinion_counters').where({ _id: 'submit-old' }).count()).total).toBe(0)
    expect((await db.collection('opinion_counters').count()).total).toBe(todays)
  })
})

describe('statistics', () => {
  it('gives the chair counts by category and month, reply rate, median days and satisfaction', async () => {
    const r = await op('chair', 'stats', {})
    expect(result(opinionStatsOutput).safeParse(r).success).toBe(true)
    const s = r.data
    expect(s.total).toBe(s.byCategory.reduce((n: number, c: any) => n + c.count, 0))
    expect(s.total).toBe(s.byMonth.reduce((n: number, c: any) => n + c.count, 0))
    expect(s.replyRate).toBeGreaterThan(0)
    expect(s.medianDaysToReply).toEqual(expect.any(Number))
    expect(s.satisfaction.find((x: any) => x.rating === 'satisfied').count).toBeGreaterThanOrEqual(1)
  })

  it('keeps each category’s exact total for members and merges only months under 5', async () => {
    const chair = (await op('chair', 'stats', {})).data
    const r = await op('staff', 'publicStats', {})
    expect(result(opinionPublicStatsOutput).safeParse(r).success).toBe(true)
    // A small school's categories stay as they are: no "其他（合并）" bar.
    expect(r.data.byCategory).toEqual(chair.byCategory)
    expect(r.data.byCategory.some((c: any) => c.count < 5)).toBe(true)
    expect(r.data.total).toBe(chair.total)
    expect(r.data.byMonth.reduce((n: number, m: any) => n + m.count, 0)).toBe(r.data.total)
    if (r.data.total >= 5) for (const m of r.data.byMonth) expect(m.count).toBeGreaterThanOrEqual(5)
    expect(r.data.monthsMerged).toBe(r.data.byMonth.some((m: any) => m.from !== m.to))
  })

  it('mergeMonths joins neighbouring months until each run holds 5; a short last run joins the one before', () => {
    const m = (key: string, count: number) => ({ key, count })
    expect(mergeMonths([m('2026-01', 2), m('2026-03', 4), m('2026-04', 6), m('2026-06', 1)])).toEqual([
      { from: '2026-01', to: '2026-03', count: 6 }, { from: '2026-04', to: '2026-06', count: 7 },
    ])
    expect(mergeMonths([m('2026-02', 5), m('2026-01', 9)])).toEqual([{ from: '2026-01', to: '2026-01', count: 9 }, { from: '2026-02', to: '2026-02', count: 5 }])
    expect(mergeMonths([m('2026-05', 1), m('2026-07', 2)])).toEqual([{ from: '2026-05', to: '2026-07', count: 3 }])
    expect(mergeMonths([m('2026-05', 0)])).toEqual([])
  })

  it('medianOf reads a histogram', () => {
    expect(medianOf([])).toBeNull()
    expect(medianOf([{ value: 3, count: 1 }])).toBe(3)
    expect(medianOf([{ value: 1, count: 1 }, { value: 4, count: 1 }])).toBe(2.5)
    expect(medianOf([{ value: 2, count: 3 }, { value: 9, count: 1 }])).toBe(2)
  })
})

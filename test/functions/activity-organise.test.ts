/**
 * The organiser's side: drafts (created once, edited against a revision) → published → cancelled or
 * finished; covers staged and copied; roster, export, approval, 代报名, check-in by code and from the
 * roster, messages, reminders, the 工作台 lines. Activities are made through the functions.
 */
import crypto from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { checkinOutput, editableOutput, rosterOutput, savedActivity, signupOutcome } from '../../types/activity'
import { deskItem } from '../../types/desk'
import { result } from '../../types/result'
import { sign } from '../../cloudfunctions/activity/checkin'
import { persona } from '../../emulator/seed/personas'
import { localCloudUrl, sdkFor } from '../support/cloud'
import { callAs, seededEnv } from './helpers'
import { cameraJpeg, jpegMarkers } from './opinion-fixtures'
import {
  activity, addMembers, auditCount, auditEntries, call, createActivity, editable, expectConsistent, hex, outbox, shiftTimes, type TestMember,
} from './activity-support'

jest.setTimeout(180_000)

let env: string
let db: any
let m: TestMember[]
const committee = { openid: persona('committee').openid }
const staff = persona('staff').openid
const HOUR = 3600_000
const iso = (ms: number) => new Date(Date.now() + ms).toISOString()
const create = (over: Parameters<typeof createActivity>[2] = {}, publish = true) => createActivity(env, committee, over, publish)

beforeAll(async () => {
  ;({ env, db } = await seededEnv('act-organise'))
  m = await addMembers(db, 'org', 8)
})

describe('drafts: created once, edited against a revision, then published', () => {
  it('creates a draft members cannot see, publishes it with audit entries, then members can sign up', async () => {
    const created = await callAs(env, 'committee', 'activity', { action: 'save', requestId: hex(), activity: editable({ title: '教职工趣味运动会', capacity: 2 }) })
    expect(result(savedActivity).safeParse(created).success).toBe(true)
    expect(created).toMatchObject({ ok: true, data: { state: 'draft', revision: 0 } })
    const id = created.data.id
    expect(id).toMatch(/^[0-9a-f]{32}$/)
    expect(await call(env, staff, 'detail', { id })).toMatchObject({ ok: false, code: 'NOT_FOUND' })
    const edited = await callAs(env, 'committee', 'activity', { action: 'save', id, revision: 0, activity: editable({ title: '教职工趣味运动会（改）', capacity: 2 }) })
    expect(edited).toMatchObject({ ok: true, data: { revision: 1 } })
    const form = await callAs(env, 'committee', 'activity', { action: 'editable', id })
    expect(result(editableOutput).safeParse(form).success).toBe(true)
    expect(form.data).toMatchObject({ revision: 1, activity: { title: '教职工趣味运动会（改）' } })
    expect((await callAs(env, 'committee', 'activity', { action: 'publish', id })).data.state).toBe('published')
    expect(await auditCount(db, 'activity.publish')).toBeGreaterThanOrEqual(1)
    const again = await callAs(env, 'committee', 'activity', { action: 'save', id, revision: 1, activity: editable() })
    expect(again).toMatchObject({ ok: false, code: 'CONFLICT', message: '已发布的活动不能直接修改；如需调整，请取消后重新创建。' })
    expect((await call(env, staff, 'register', { activityId: id })).data.state).toBe('confirmed')
  })

  it('creates one draft and one audit entry for seven taps with the same requestId', async () => {
    const requestId = hex()
    const before = await auditCount(db, 'activity.create')
    const answers = await Promise.all(Array.from({ length: 7 }, () => callAs(env, 'committee', 'activity', { action: 'save', requestId, activity: editable({ title: '只建一次的活动' }) })))
    expect(answers.every((r) => r.ok)).toBe(true)
    expect(new Set(answers.map((r) => r.data.id)).size).toBe(1)
    expect((await db.collection('activities').where({ title: '只建一次的活动' }).count()).total).toBe(1)
    expect(await auditCount(db, 'activity.create')).toBe(before + 1)
    // Another organiser sending the same requestId makes their own draft, never reads this one.
    const other = await callAs(env, 'chair', 'activity', { action: 'save', requestId, activity: editable({ title: '只建一次的活动' }) })
    expect(other.data.id).not.toBe(answers[0].data.id)
  })

  it('refuses an edit made on an older revision: someone changed the draft since', async () => {
    const id = await create({}, false)
    const [a, b] = await Promise.all([
      callAs(env, 'committee', 'activity', { action: 'save', id, revision: 0, activity: editable({ title: '甲改的' }) }),
      callAs(env, 'chair', 'activity', { action: 'save', id, revision: 0, activity: editable({ title: '乙改的' }) }),
    ])
    expect([a, b].filter((r) => r.ok)).toHaveLength(1)
    expect([a, b].find((r) => !r.ok)).toMatchObject({ code: 'CONFLICT', message: '已被他人修改，请刷新后重试' })
    expect((await activity(db, id)).revision).toBe(1)
  })

  it('refuses a draft whose times make no sense, writing nothing', async () => {
    const before = (await db.collection('activities').count()).total
    const r = await callAs(env, 'chair', 'activity', { action: 'save', requestId: hex(), activity: editable({ endAt: iso(40 * HOUR) }) })
    expect(r).toMatchObject({ ok: false, code: 'BAD_INPUT', message: '结束时间要晚于开始时间。' })
    const r2 = await callAs(env, 'chair', 'activity', { action: 'save', requestId: hex(), activity: editable({ signupEndAt: iso(80 * HOUR) }) })
    expect(r2.message).toBe('报名应在活动开始前截止。')
    const r3 = await callAs(env, 'chair', 'activity', { action: 'save', requestId: hex(), activity: editable({ startAt: '0001-01-01T00:00:00.000Z' }) })
    expect(r3.message).toBe('活动和报名时间应在 2000 年到 5 年以后之间，请检查年份。')
    const r4 = await callAs(env, 'chair', 'activity', { action: 'save', requestId: hex(), activity: editable({ place: '' }) })
    expect(r4).toMatchObject({ ok: false, code: 'BAD_INPUT', message: '输入有误：地点不能为空。请修改后重试。' })
    expect((await db.collection('activities').count()).total).toBe(before)
  })
})

describe('covers go through cloud storage', () => {
  async function stage(bytes: Buffer, ext = 'jpg'): Promise<string> {
    const { cloud } = sdkFor(env)
    const res = await cloud.uploadFile({ cloudPath: `uploads/activity/${crypto.randomBytes(12).toString('hex')}.${ext}`, fileContent: bytes })
    return res.fileID
  }

  it('copies a staged picture without its camera data to activity-covers/, and deletes the staging copy', async () => {
    const staged = await stage(cameraJpeg())
    const r = await callAs(env, 'committee', 'activity', { action: 'save', requestId: hex(), activity: editable({ coverFileId: staged }) })
    expect(r.ok).toBe(true)
    const a = await activity(db, r.data.id)
    expect(a.coverFileId).toMatch(/^cloud:\/\/[^/]+\/activity-covers\/[0-9a-f]{64}\.jpg$/)
    const form = await callAs(env, 'committee', 'activity', { action: 'editable', id: r.data.id })
    const stored = Buffer.from(await (await fetch(form.data.coverUrl)).arrayBuffer())
    expect(jpegMarkers(stored)).not.toContain(0xe1)
    const [gone] = (await sdkFor(env).cloud.getTempFileURL({ fileList: [staged] })).fileList
    expect(gone.status).not.toBe(0)
    // Editing with the same cover keeps it; another activity's cover id is refused.
    expect((await callAs(env, 'committee', 'activity', { action: 'save', id: r.data.id, revision: 0, activity: editable({ coverFileId: a.coverFileId }) })).ok).toBe(true)
    const borrowed = await callAs(env, 'committee', 'activity', { action: 'save', requestId: hex(), activity: editable({ coverFileId: a.coverFileId }) })
    expect(borrowed).toMatchObject({ ok: false, code: 'BAD_INPUT', message: '封面图片无效，请重新选择上传。' })
  })

  it('refuses a file that is not a picture, and any path but the staging folder', async () => {
    const text = await stage(Buffer.from('not a picture at all'), 'jpg')
    expect(await callAs(env, 'committee', 'activity', { action: 'save', requestId: hex(), activity: editable({ coverFileId: text }) }))
      .toMatchObject({ ok: false, code: 'BAD_INPUT', message: '封面图片不是 JPG 或 PNG 图片，请重新选择。' })
    expect(await callAs(env, 'committee', 'activity', { action: 'save', requestId: hex(), activity: editable({ coverFileId: 'cloud://x.bucket/opinion-images/secret.jpg' }) }))
      .toMatchObject({ ok: false, code: 'BAD_INPUT', message: '封面图片无效，请重新选择上传。' })
  })
})

describe('cancel and finish', () => {
  it('cancels an activity and notifies everyone registered or waiting', async () => {
    const id = await create({ capacity: 1, title: '取消通知测试' })
    await call(env, m[0].openid, 'register', { activityId: id })
    await call(env, m[1].openid, 'register', { activityId: id })
    const r = await callAs(env, 'chair', 'activity', { action: 'cancelActivity', id, reason: '天气原因' })
    expect(r).toMatchObject({ ok: true, data: { state: 'cancelled', notified: 2 } })
    for (const who of [m[0], m[1]]) {
      const [msg] = await outbox(env, who.openid)
      expect(msg).toMatchObject({ templateId: 'tpl_activity_notice', data: { thing1: { value: '取消通知测试' }, thing2: { value: '活动取消：天气原因' } } })
    }
    expect((await call(env, m[0].openid, 'detail', { id })).data).toMatchObject({ status: 'cancelled', cancelReason: '天气原因' })
    expect(await auditCount(db, 'activity.cancel')).toBeGreaterThanOrEqual(1)
  })

  it('finishes an activity only after it started', async () => {
    const id = await create()
    expect(await callAs(env, 'committee', 'activity', { action: 'finish', id })).toMatchObject({ ok: false, message: '活动还没有开始，不能标记为结束。' })
    await shiftTimes(db, id, { startAt: new Date(Date.now() - HOUR), signupEndAt: new Date(Date.now() - 2 * HOUR), signupStartAt: new Date(Date.now() - 5 * HOUR) })
    expect((await callAs(env, 'committee', 'activity', { action: 'finish', id })).data.state).toBe('finished')
  })
})

describe('roster, counts and the Excel export', () => {
  let id: string
  beforeAll(async () => {
    id = await create({ capacity: 2, title: '名单导出测试', guests: { max: 2, countsTowardCapacity: false }, fields: [
      { key: 'size', label: 'T恤尺码', type: 'single', options: ['M', 'L'], required: true },
      { key: 'events', label: '参加项目', type: 'multi', options: ['拔河', '跳绳'], required: false },
    ] })
    await call(env, m[0].openid, 'register', { activityId: id, answers: { size: 'M', events: ['拔河', '跳绳'] }, guests: 1 })
    await call(env, m[1].openid, 'register', { activityId: id, answers: { size: 'L' } })
    await call(env, m[2].openid, 'register', { activityId: id, answers: { size: 'L' } })
  })

  it('lists rows with answers, status and 候补第 n 位, and the counts', async () => {
    const r = await callAs(env, 'committee', 'activity', { action: 'roster', activityId: id, page: 1 })
    expect(result(rosterOutput).safeParse(r).success).toBe(true)
    expect(r.data.counts).toMatchObject({ confirmed: 2, waitlisted: 1, pending: 0, checkedIn: 0, guests: 1, seatsTaken: 2 })
    expect(r.data.items.map((x: any) => [x.name, x.state, x.waitPosition])).toEqual([['会员org0', 'confirmed', undefined], ['会员org1', 'confirmed', undefined], ['会员org2', 'waitlisted', 1]])
    expect(r.data.items[0].answers).toEqual({ size: 'M', events: ['拔河', '跳绳'] })
    expect(r.data).toMatchObject({ canSignUpOthers: true, canCheckIn: false })
  })

  it('exports one row per registration and one column per custom field', async () => {
    const r = await callAs(env, 'committee', 'activity', { action: 'exportRoster', id })
    expect(r).toMatchObject({ ok: true, data: { rows: 3 } })
    const file = await fetch(r.data.url)
    expect(file.ok).toBe(true)
    const { default: ExcelJS } = await import('exceljs')
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(Buffer.from(await file.arrayBuffer()) as any)
    const ws = wb.worksheets[0]
    const header = (ws.getRow(1).values as any[]).slice(1)
    expect(header).toEqual(['序号', '姓名', '部门', '状态', '候补顺位', '携带家属', 'T恤尺码', '参加项目', '报名时间', '代报名', '签到时间'])
    const rows = Array.from({ length: ws.rowCount - 1 }, (_v, i) => (ws.getRow(i + 2).values as any[]).slice(1, 8))
    expect(rows).toEqual([
      [1, '会员org0', '数学组', '已报名', '', 1, 'M'],
      [2, '会员org1', '数学组', '已报名', '', 0, 'L'],
      [3, '会员org2', '数学组', '候补', 1, 0, 'L'],
    ])
    expect((ws.getRow(2).values as any[])[8]).toBe('拔河、跳绳')
    expect(await auditCount(db, 'activity.export')).toBeGreaterThanOrEqual(1)
  })
})

describe('代报名: the committee signs up a member who has no smartphone', () => {
  it('takes a place under the same rules, says who did it, and records it in the audit log', async () => {
    const [retiree] = await addMembers(db, 'nophone', 1, { status: '离退休', name: '陈老师' })
    const id = await create({ capacity: 1, title: '代报名测试', fields: [{ key: 'meal', label: '用餐', type: 'single', options: ['是', '否'], required: true }] })
    const r = await callAs(env, 'committee', 'activity', { action: 'registerFor', activityId: id, memberId: retiree.id, answers: { meal: '是' } })
    expect(result(signupOutcome).safeParse(r).success).toBe(true)
    expect(r.data).toMatchObject({ state: 'confirmed', id: `${id}_${retiree.id}` })
    // Again: the same registration, not a second one; the next one queues like any member.
    expect((await callAs(env, 'committee', 'activity', { action: 'registerFor', activityId: id, memberId: retiree.id, answers: { meal: '是' } })).data.state).toBe('confirmed')
    expect((await call(env, m[3].openid, 'register', { activityId: id, answers: { meal: '否' } })).data).toMatchObject({ state: 'waitlisted', waitPosition: 1 })
    const [entry] = (await auditEntries(db, 'activity.registerFor')).filter((e) => e.target.id === `${id}_${retiree.id}`)
    expect(entry).toMatchObject({ actorName: persona('committee').name, note: `${persona('committee').name} 代 陈老师 报名` })
    expect((await auditEntries(db, 'activity.registerFor')).filter((e) => e.target.id === `${id}_${retiree.id}`)).toHaveLength(1)
    const roster = await callAs(env, 'committee', 'activity', { action: 'roster', activityId: id, page: 1 })
    expect(roster.data.items[0]).toMatchObject({ name: '陈老师', signedUpBy: persona('committee').name, answers: { meal: '是' } })
    await expectConsistent(db, id)
  })

  it('refuses what a self sign-up refuses (audience, required answers) and people who are not members', async () => {
    const [retiree] = await addMembers(db, 'nophone2', 1, { status: '离退休' })
    const id = await create({ audience: { kind: '在职' } })
    expect(await callAs(env, 'committee', 'activity', { action: 'registerFor', activityId: id, memberId: retiree.id })).toMatchObject({ ok: false, message: '这个活动只面向在职教职工。' })
    expect(await callAs(env, 'committee', 'activity', { action: 'registerFor', activityId: id, memberId: hex() })).toMatchObject({ ok: false, code: 'NOT_FOUND', message: '这位会员不存在或已不是工会会员。' })
    expect(await call(env, staff, 'registerFor', { activityId: id, memberId: retiree.id })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  })
})

describe('approval', () => {
  it('approves a pending registration, and a rejection frees the place for the first waiting member', async () => {
    const id = await create({ capacity: 1, needsApproval: true, title: '审核测试' })
    await call(env, m[3].openid, 'register', { activityId: id })
    await call(env, m[4].openid, 'register', { activityId: id })
    const rejected = await callAs(env, 'committee', 'activity', { action: 'decide', registrationId: `${id}_${m[3].id}`, approve: false, reason: '不符合条件' })
    expect(rejected).toMatchObject({ ok: true, data: { state: 'rejected' } })
    expect((await call(env, m[3].openid, 'detail', { id })).data.registration).toMatchObject({ state: 'rejected', rejectReason: '不符合条件' })
    expect((await call(env, m[4].openid, 'detail', { id })).data.registration.state).toBe('pending')
    expect(await call(env, m[3].openid, 'register', { activityId: id })).toMatchObject({ ok: false, message: '您的报名未通过审核，不能再次报名；如有疑问请联系组织者。' })
    const approved = await callAs(env, 'committee', 'activity', { action: 'decide', registrationId: `${id}_${m[4].id}`, approve: true })
    expect(approved.data.state).toBe('confirmed')
    const msgs = await outbox(env, m[4].openid)
    expect(msgs.map((x) => x.data.phrase2.value)).toContain('审核通过')
    expect(await callAs(env, 'committee', 'activity', { action: 'decide', registrationId: `${id}_${m[4].id}`, approve: true })).toMatchObject({ ok: false, message: '这条报名已经处理过了。' })
    await expectConsistent(db, id)
  })
})

describe('message all registrants', () => {
  it('sends one subscription message to each registered or waiting member', async () => {
    const id = await create({ capacity: 1, title: '通知测试' })
    await call(env, m[0].openid, 'register', { activityId: id })
    await call(env, m[5].openid, 'register', { activityId: id })
    const r = await callAs(env, 'committee', 'activity', { action: 'message', activityId: id, text: '请带好运动鞋', requestId: 'message-form-1' })
    expect(r).toMatchObject({ ok: true, data: { recipients: 2, delivered: 2 } })
    const [msg] = await outbox(env, m[5].openid)
    expect(msg.data.thing2.value).toBe('请带好运动鞋')
  })

  it('sends once for two taps at once and a retry of the same form, with one audit entry', async () => {
    const id = await create({ capacity: 2, title: '通知只发一次' })
    await call(env, m[0].openid, 'register', { activityId: id })
    await call(env, m[5].openid, 'register', { activityId: id })
    const send = () => callAs(env, 'committee', 'activity', { action: 'message', activityId: id, text: '改在三楼', requestId: 'message-form-2' })
    const answers = [...await Promise.all([send(), send()]), await send()]
    expect(answers.every((a) => a.ok && a.data.recipients === 2)).toBe(true)
    expect(answers.filter((a) => a.data.again)).toHaveLength(2)
    const received = async (openid: string) => (await outbox(env, openid)).filter((x) => x.data.thing2?.value === '改在三楼')
    expect((await received(m[0].openid)).length).toBe(1)
    expect((await received(m[5].openid)).length).toBe(1)
    const entries = (await db.collection('audit_log').where({ action: 'activity.message', 'target.id': id }).get()).data
    expect(entries).toHaveLength(1)
    expect(entries[0]).toMatchObject({ note: '改在三楼', after: { recipients: 2 } })
    // A new form (a new requestId) is a new message.
    expect(await callAs(env, 'committee', 'activity', { action: 'message', activityId: id, text: '改在三楼', requestId: 'message-form-3' })).toMatchObject({ ok: true, data: { recipients: 2, delivered: 2 } })
    expect((await received(m[0].openid)).length).toBe(2)
  })
})

describe('check-in by code and from the roster', () => {
  let activityId: string
  beforeAll(async () => {
    activityId = await create({ capacity: 3, title: '签到测试' })
    for (const who of [m[0], m[1], m[6], m[7]]) await call(env, who.openid, 'register', { activityId })
    await shiftTimes(db, activityId, { startAt: new Date(Date.now() + HOUR), signupEndAt: new Date(Date.now() + HOUR / 2) })
  })
  const token = async (who: string) => (await call(env, who, 'checkinToken', { activityId })).data.token as string

  it('refuses a code to a member who is only waiting', async () => {
    expect(await call(env, m[7].openid, 'checkinToken', { activityId })).toMatchObject({ ok: false, message: '您的报名还没有确认，暂时没有签到码。' })
  })

  it('refuses a forged code', async () => {
    const real = await token(m[0].openid)
    const parts = real.split('.')
    parts[1] = `${activityId}_${m[1].id}`
    expect(await call(env, committee.openid, 'checkin', { token: parts.join('.') })).toMatchObject({ ok: false, message: '签到码无效，请让会员在“我的报名”里重新打开签到码。' })
    expect(await call(env, committee.openid, 'checkin', { token: 'JG1.abc.def.ghi.jkl' })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  })

  it('refuses an expired code, even one genuinely signed', async () => {
    const secret = fs.readFileSync(path.join(process.env.LOCAL_CLOUD_DATA_ROOT!, 'app-secret.txt'), 'utf8').trim()
    const body = `${activityId}_${m[0].id}.${Math.floor(Date.now() / 1000 - 5).toString(36)}.abcdefgh`
    expect(await call(env, committee.openid, 'checkin', { token: `JG1.${body}.${sign(secret, body)}` })).toMatchObject({ ok: false, message: '签到码已过期，请让会员刷新签到码后再扫。' })
  })

  it('checks in with a fresh code once, even when it is scanned twice at the same moment', async () => {
    const t = await token(m[0].openid)
    const [x, y] = await Promise.all([call(env, committee.openid, 'checkin', { token: t }), call(env, committee.openid, 'checkin', { token: t })])
    const ok = [x, y].find((r) => r.ok)
    expect([x, y].filter((r) => r.ok)).toHaveLength(1)
    expect(result(checkinOutput).safeParse(ok).success).toBe(true)
    expect(ok.data).toMatchObject({ name: '会员org0', activityTitle: '签到测试' })
    expect([x, y].find((r) => !r.ok).message).toBe('这个签到码已经用过了，不能重复使用。')
    expect((await call(env, committee.openid, 'checkin', { token: await token(m[0].openid) })).message).toMatch(/^会员org0 已于 \d\d:\d\d 签到，不需要再签。$/)
    await expectConsistent(db, activityId)
  })

  it('按名单签到: checks a confirmed member in without their phone, recorded as such', async () => {
    const registrationId = `${activityId}_${m[1].id}`
    const r = await callAs(env, 'committee', 'activity', { action: 'checkinByRoster', registrationId })
    expect(r).toMatchObject({ ok: true, data: { name: '会员org1' } })
    expect(await callAs(env, 'committee', 'activity', { action: 'checkinByRoster', registrationId })).toMatchObject({ ok: false, message: expect.stringMatching(/^会员org1 已于/) })
    expect(await callAs(env, 'committee', 'activity', { action: 'checkinByRoster', registrationId: `${activityId}_${m[7].id}` })).toMatchObject({ ok: false, message: '这位会员的报名还没有确认（候补或待审核），不能签到。' })
    const [entry] = (await auditEntries(db, 'activity.checkinByRoster')).filter((e) => e.target.id === registrationId)
    expect(entry.note).toBe(`${persona('committee').name} 按名单为 会员org1 签到`)
    const attendance = await callAs(env, 'committee', 'activity', { action: 'roster', activityId, checkedIn: true, page: 1 })
    expect(attendance.data.items.map((x: any) => x.name)).toEqual(['会员org0', '会员org1'])
    expect(attendance.data.canCheckIn).toBe(true)
    expect((await call(env, m[1].openid, 'detail', { id: activityId })).data.mine).toEqual({ state: 'confirmed', checkedIn: true })
    await expectConsistent(db, activityId)
  })

  it('opens check-in on the day before the start, not earlier', async () => {
    const later = await create({ title: '后天的活动' })
    await call(env, m[5].openid, 'register', { activityId: later })
    expect(await callAs(env, 'committee', 'activity', { action: 'checkinByRoster', registrationId: `${later}_${m[5].id}` }))
      .toMatchObject({ ok: false, code: 'CONFLICT', message: '还没到签到时间：活动开始前一天起才能签到。' })
    expect((await callAs(env, 'committee', 'activity', { action: 'roster', activityId: later, page: 1 })).data.canCheckIn).toBe(false)
  })

  it('refuses a member scanning codes (organisers only)', async () => {
    expect(await call(env, staff, 'checkin', { token: await token(m[6].openid) })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    expect(await call(env, staff, 'checkinByRoster', { registrationId: `${activityId}_${m[6].id}` })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  })
})

describe('the day-before reminder', () => {
  it('reminds confirmed members of tomorrow’s activities once, from the timer only', async () => {
    const shanghaiTomorrow = new Date(Date.now() + 8 * HOUR + 86400_000).toISOString().slice(0, 10)
    const startAt = new Date(`${shanghaiTomorrow}T04:00:00.000Z`)
    const id = await create({ title: '明天的活动', startAt: startAt.toISOString(), endAt: new Date(startAt.getTime() + HOUR).toISOString(), signupEndAt: iso(60_000) })
    await call(env, m[2].openid, 'register', { activityId: id })
    const fire = async () => (await (await fetch(`${localCloudUrl()}/local/trigger`, { method: 'POST', body: JSON.stringify({ env, name: 'activity', trigger: 'remind' }) })).json()).result
    const first = await fire()
    expect(first).toMatchObject({ ok: true })
    expect(first.data.sent).toBeGreaterThanOrEqual(1)
    const msgs = (await outbox(env, m[2].openid)).filter((x) => x.templateId === 'tpl_activity_reminder')
    expect(msgs.map((x) => x.data.thing1.value)).toEqual(['明天的活动'])
    const second = await fire()
    expect(second.data).toEqual({ activities: 0, sent: 0 })
    expect(await callAs(env, 'chair', 'activity', { action: 'remind' })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  })
})

describe('organisers list drafts too', () => {
  it('shows committee every state, newest first, without anyone’s ledger', async () => {
    const r = await callAs(env, 'committee', 'activity', { action: 'manageList', page: 1 })
    expect(r.ok).toBe(true)
    expect(r.data.items.some((x: any) => x.state === 'cancelled')).toBe(true)
    expect(r.data.items.some((x: any) => 'mine' in x)).toBe(false)
    expect(await callAs(env, 'staff', 'activity', { action: 'manageList', page: 1 })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  })
})

describe('the 工作台 lines', () => {
  it('counts registrations waiting for approval and people not yet checked in, linking to the roster', async () => {
    // A fresh copy of the demo data: the lines count the whole union's activities.
    const fresh = await seededEnv('act-desk')
    const { deskItems } = await import('../../cloudfunctions/activity/desk')
    const { createContext } = await import('../../cloudfunctions/_shared/context')
    const desk = async (openid: string) => deskItems(await createContext({ openid, now: new Date(), db: fresh.db }))
    const before = await desk(committee.openid)
    for (const item of before) expect(deskItem.safeParse(item).success).toBe(true)
    // The demo 书法兴趣班 waits for approval of 3; the demo 气排球友谊赛 starts tomorrow with 9 confirmed, none checked in.
    expect(before.find((x) => x.key === 'activity.pending')).toMatchObject({ title: '报名待审核', count: 3, url: '/packages/activity/pages/roster/index?id=act005&filter=pending', urgent: false })
    expect(before.find((x) => x.key === 'activity.checkin')).toMatchObject({ title: '今明两天待签到', count: 9, url: '/packages/activity/pages/roster/index?id=act007&filter=confirmed' })
    const id = await createActivity(fresh.env, committee, { capacity: 5, needsApproval: true, title: '工作台测试' })
    for (const who of await addMembers(fresh.db, 'desk', 2)) await callAs(fresh.env, { openid: who.openid }, 'activity', { action: 'register', activityId: id })
    expect(await callAs(fresh.env, 'committee', 'activity', { action: 'checkinByRoster', registrationId: 'act007_mem005' })).toMatchObject({ ok: true })
    const after = await desk(committee.openid)
    expect(after.find((x) => x.key === 'activity.pending')).toMatchObject({ count: 5, url: '/packages/activity/pages/manage/index' })
    expect(after.find((x) => x.key === 'activity.checkin')).toMatchObject({ count: 8 })
    expect(await desk(staff)).toEqual([])
  })
})

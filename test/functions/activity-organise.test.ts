/** The organiser's side: drafts → published → cancelled/finished, roster, export, approval, messages, check-in, reminders. */
import fs from 'node:fs'
import path from 'node:path'
import ExcelJS from 'exceljs'
import { checkinOutput, rosterOutput } from '../../types/activity'
import { result } from '../../types/result'
import { sign } from '../../cloudfunctions/activity/checkin'
import { persona } from '../../emulator/seed/personas'
import { localCloudUrl } from '../support/cloud'
import { callAs, seededEnv } from './helpers'
import { addActivity, addMembers, auditCount, call, expectCountersEqualRows, outbox } from './activity-support'

jest.setTimeout(120_000)

let env: string
let db: any
let m: Array<{ openid: string }>
const committee = persona('committee').openid
const staff = persona('staff').openid
const HOUR = 3600_000

beforeAll(async () => {
  ;({ env, db } = await seededEnv('act-organise'))
  m = await addMembers(db, 'org', 6)
})

const iso = (ms: number) => new Date(Date.now() + ms).toISOString()
const draft = (over: Record<string, unknown> = {}) => ({
  title: '教职工趣味运动会', category: '文体', description: '拔河、跳绳', place: '操场',
  startAt: iso(72 * HOUR), endAt: iso(75 * HOUR), signupStartAt: iso(-HOUR), signupEndAt: iso(48 * HOUR),
  capacity: 2, waitlist: true, audience: { kind: 'all' }, cancelPolicy: 'untilStart', needsApproval: false,
  fields: [{ key: 'size', label: 'T恤尺码', type: 'single', options: ['M', 'L', 'XL'], required: true }, { key: 'note', label: '备注', type: 'text', required: false }],
  ...over,
})

describe('drafts, publishing and the end of an activity', () => {
  it('creates a draft members cannot see, publishes it with audit entries, then members can sign up', async () => {
    const created = await callAs(env, 'committee', 'activity', { action: 'save', activity: draft() })
    expect(created).toMatchObject({ ok: true, data: { state: 'draft' } })
    const id = created.data.id
    expect(await call(env, staff, 'detail', { id })).toMatchObject({ ok: false, code: 'NOT_FOUND' })
    const edited = await callAs(env, 'committee', 'activity', { action: 'save', id, activity: draft({ title: '教职工趣味运动会（改）' }) })
    expect(edited.ok).toBe(true)
    expect(await auditCount(db, 'activity.create')).toBeGreaterThanOrEqual(1)
    expect(await auditCount(db, 'activity.edit')).toBeGreaterThanOrEqual(1)
    expect((await callAs(env, 'committee', 'activity', { action: 'publish', id })).data.state).toBe('published')
    expect(await auditCount(db, 'activity.publish')).toBeGreaterThanOrEqual(1)
    const again = await callAs(env, 'committee', 'activity', { action: 'save', id, activity: draft() })
    expect(again).toMatchObject({ ok: false, code: 'CONFLICT', message: '已发布的活动不能直接修改；如需调整，请取消后重新创建。' })
    expect((await call(env, staff, 'register', { activityId: id, answers: { size: 'L' } })).data.state).toBe('confirmed')
  })

  it('refuses a draft whose times make no sense, writing nothing', async () => {
    const before = (await db.collection('activities').count()).total
    const r = await callAs(env, 'chair', 'activity', { action: 'save', activity: draft({ endAt: iso(70 * HOUR) }) })
    expect(r).toMatchObject({ ok: false, code: 'BAD_INPUT', message: '结束时间要晚于开始时间。' })
    const r2 = await callAs(env, 'chair', 'activity', { action: 'save', activity: draft({ signupEndAt: iso(80 * HOUR) }) })
    expect(r2.message).toBe('报名应在活动开始前截止。')
    expect((await db.collection('activities').count()).total).toBe(before)
  })

  it('accepts a cover only from the editor’s upload folder, so a cover cannot reveal another file', async () => {
    const r = await callAs(env, 'committee', 'activity', { action: 'save', activity: draft({ coverFileId: 'cloud://x.bucket/opinions/secret.jpg' }) })
    expect(r).toMatchObject({ ok: false, code: 'BAD_INPUT', message: '封面图片无效，请重新选择上传。' })
    const ok = await callAs(env, 'committee', 'activity', { action: 'save', activity: draft({ coverFileId: 'cloud://x.bucket/activity-covers/1.jpg' }) })
    expect(ok.ok).toBe(true)
  })

  it('cancels an activity and notifies everyone registered or waiting', async () => {
    const a = await addActivity(db, { capacity: 1, title: '取消通知测试' })
    await call(env, m[0].openid, 'register', { activityId: a._id })
    await call(env, m[1].openid, 'register', { activityId: a._id })
    const r = await callAs(env, 'chair', 'activity', { action: 'cancelActivity', id: a._id, reason: '天气原因' })
    expect(r).toMatchObject({ ok: true, data: { state: 'cancelled', notified: 2 } })
    for (const who of [m[0], m[1]]) {
      const [msg] = await outbox(env, who.openid)
      expect(msg).toMatchObject({ templateId: 'tpl_activity_notice', data: { thing1: { value: '取消通知测试' }, thing2: { value: '活动取消：天气原因' } } })
    }
    expect((await call(env, m[0].openid, 'detail', { id: a._id })).data).toMatchObject({ status: 'cancelled', cancelReason: '天气原因' })
    expect(await auditCount(db, 'activity.cancel')).toBeGreaterThanOrEqual(1)
  })

  it('finishes an activity only after it started', async () => {
    const a = await addActivity(db)
    expect(await callAs(env, 'committee', 'activity', { action: 'finish', id: a._id })).toMatchObject({ ok: false, message: '活动还没有开始，不能标记为结束。' })
    const started = await addActivity(db, { startAt: new Date(Date.now() - HOUR), signupEndAt: new Date(Date.now() - 2 * HOUR), signupStartAt: new Date(Date.now() - 5 * HOUR) })
    expect((await callAs(env, 'committee', 'activity', { action: 'finish', id: started._id })).data.state).toBe('finished')
  })
})

describe('roster, counts and the Excel export', () => {
  let id: string
  beforeAll(async () => {
    const a = await addActivity(db, { capacity: 2, title: '名单导出测试', guests: { max: 2, countsTowardCapacity: false }, fields: [
      { key: 'size', label: 'T恤尺码', type: 'single', options: ['M', 'L'], required: true },
      { key: 'events', label: '参加项目', type: 'multi', options: ['拔河', '跳绳'], required: false },
    ] })
    id = a._id
    await call(env, m[0].openid, 'register', { activityId: id, answers: { size: 'M', events: ['拔河', '跳绳'] }, guests: 1 })
    await call(env, m[1].openid, 'register', { activityId: id, answers: { size: 'L' } })
    await call(env, m[2].openid, 'register', { activityId: id, answers: { size: 'L' } })
  })

  it('lists rows with answers and status, and the counts', async () => {
    const r = await callAs(env, 'committee', 'activity', { action: 'roster', activityId: id, page: 1 })
    expect(result(rosterOutput).safeParse(r).success).toBe(true)
    expect(r.data.counts).toMatchObject({ confirmed: 2, waitlisted: 1, pending: 0, checkedIn: 0, guests: 1, seatsTaken: 2 })
    expect(r.data.items.map((x: any) => [x.name, x.state])).toEqual([['会员org0', 'confirmed'], ['会员org1', 'confirmed'], ['会员org2', 'waitlisted']])
    expect(r.data.items[0].answers).toEqual({ size: 'M', events: ['拔河', '跳绳'] })
  })

  it('exports one row per registration and one column per custom field', async () => {
    const r = await callAs(env, 'committee', 'activity', { action: 'exportRoster', id })
    expect(r).toMatchObject({ ok: true, data: { rows: 3 } })
    const file = await fetch(r.data.url)
    expect(file.ok).toBe(true)
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(Buffer.from(await file.arrayBuffer()) as any)
    const ws = wb.worksheets[0]
    const header = (ws.getRow(1).values as any[]).slice(1)
    expect(header).toEqual(['序号', '姓名', '部门', '状态', '候补号', '携带家属', 'T恤尺码', '参加项目', '报名时间', '签到时间'])
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

describe('approval', () => {
  it('approves a pending registration, and a rejection frees the place for the first waiting member', async () => {
    const a = await addActivity(db, { capacity: 1, needsApproval: true, title: '审核测试' })
    await call(env, m[3].openid, 'register', { activityId: a._id })
    await call(env, m[4].openid, 'register', { activityId: a._id })
    const pendingId = `${a._id}_mem_org_3`
    const rejected = await callAs(env, 'committee', 'activity', { action: 'decide', registrationId: pendingId, approve: false, reason: '不符合条件' })
    expect(rejected).toMatchObject({ ok: true, data: { state: 'rejected' } })
    expect((await call(env, m[3].openid, 'detail', { id: a._id })).data.mine).toMatchObject({ state: 'rejected', rejectReason: '不符合条件' })
    expect((await call(env, m[4].openid, 'detail', { id: a._id })).data.mine.state).toBe('pending')
    expect(await call(env, m[3].openid, 'register', { activityId: a._id })).toMatchObject({ ok: false, message: '您的报名未通过审核，不能再次报名；如有疑问请联系组织者。' })
    const approved = await callAs(env, 'committee', 'activity', { action: 'decide', registrationId: `${a._id}_mem_org_4`, approve: true })
    expect(approved.data.state).toBe('confirmed')
    const [msg] = await outbox(env, m[4].openid)
    expect(msg).toMatchObject({ templateId: 'tpl_activity_result', data: { phrase2: { value: '审核通过' } } })
    expect(await auditCount(db, 'activity.reject')).toBeGreaterThanOrEqual(1)
    expect(await auditCount(db, 'activity.approve')).toBeGreaterThanOrEqual(1)
    await expectCountersEqualRows(db, a._id)
  })
})

describe('message all registrants', () => {
  it('sends one subscription message to each registered or waiting member', async () => {
    const a = await addActivity(db, { capacity: 1, title: '通知测试' })
    await call(env, m[0].openid, 'register', { activityId: a._id })
    await call(env, m[5].openid, 'register', { activityId: a._id })
    const r = await callAs(env, 'committee', 'activity', { action: 'message', activityId: a._id, text: '请带好运动鞋' })
    expect(r).toMatchObject({ ok: true, data: { recipients: 2, delivered: 2 } })
    const [msg] = await outbox(env, m[5].openid)
    expect(msg.data.thing2.value).toBe('请带好运动鞋')
  })
})

describe('check-in', () => {
  let activityId: string
  beforeAll(async () => {
    const a = await addActivity(db, { capacity: 1, title: '签到测试', startAt: new Date(Date.now() + HOUR), endAt: new Date(Date.now() + 3 * HOUR), signupEndAt: new Date(Date.now() + HOUR / 2) })
    activityId = a._id
    await call(env, m[0].openid, 'register', { activityId })
    await call(env, m[1].openid, 'register', { activityId })
  })
  const token = async (who: string) => (await call(env, who, 'checkinToken', { activityId })).data.token as string

  it('refuses a code to a member who is only waiting', async () => {
    expect(await call(env, m[1].openid, 'checkinToken', { activityId })).toMatchObject({ ok: false, message: '您的报名还没有确认，暂时没有签到码。' })
  })

  it('refuses a forged code', async () => {
    const real = await token(m[0].openid)
    const parts = real.split('.')
    parts[1] = `${activityId}_mem_org_1`
    expect(await call(env, committee, 'checkin', { token: parts.join('.') })).toMatchObject({ ok: false, message: '签到码无效，请让会员在“我的报名”里重新打开签到码。' })
    expect(await call(env, committee, 'checkin', { token: 'JG1.abc.def.ghi.jkl' })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  })

  it('refuses an expired code, even one genuinely signed', async () => {
    const secret = fs.readFileSync(path.join(process.env.LOCAL_CLOUD_DATA_ROOT!, 'app-secret.txt'), 'utf8').trim()
    const body = `${activityId}_mem_org_0.${Math.floor(Date.now() / 1000 - 5).toString(36)}.abcdefgh`
    expect(await call(env, committee, 'checkin', { token: `JG1.${body}.${sign(secret, body)}` })).toMatchObject({ ok: false, message: '签到码已过期，请让会员刷新签到码后再扫。' })
  })

  it('checks in with a fresh code, refuses the same code again, and lists the attendance', async () => {
    const t = await token(m[0].openid)
    const ok = await call(env, committee, 'checkin', { token: t })
    expect(result(checkinOutput).safeParse(ok).success).toBe(true)
    expect(ok.data).toMatchObject({ name: '会员org0', activityTitle: '签到测试' })
    expect(await call(env, committee, 'checkin', { token: t })).toMatchObject({ ok: false, message: '这个签到码已经用过了，不能重复使用。' })
    expect((await call(env, committee, 'checkin', { token: await token(m[0].openid) })).message).toMatch(/^会员org0 已于 \d\d:\d\d 签到，不需要再签。$/)
    const attendance = await callAs(env, 'committee', 'activity', { action: 'roster', activityId, checkedIn: true, page: 1 })
    expect(attendance.data.items.map((r: any) => r.name)).toEqual(['会员org0'])
    expect(await auditCount(db, 'activity.checkin')).toBe(1)
  })

  it('refuses a member scanning codes (organisers only)', async () => {
    expect(await call(env, staff, 'checkin', { token: await token(m[0].openid) })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  })
})

describe('the day-before reminder', () => {
  it('reminds confirmed members of tomorrow’s activities once, from the timer only', async () => {
    const shanghaiTomorrow = new Date(Date.now() + 8 * HOUR + 86400_000).toISOString().slice(0, 10)
    const startAt = new Date(`${shanghaiTomorrow}T04:00:00.000Z`)
    const a = await addActivity(db, { title: '明天的活动', startAt, endAt: new Date(startAt.getTime() + HOUR), signupEndAt: new Date(Date.now() + 60_000) })
    await call(env, m[2].openid, 'register', { activityId: a._id })
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
  it('shows committee every state, newest first', async () => {
    const r = await callAs(env, 'committee', 'activity', { action: 'manageList', page: 1 })
    expect(r.ok).toBe(true)
    expect(r.data.items.some((x: any) => x.state === 'cancelled')).toBe(true)
    expect(await callAs(env, 'staff', 'activity', { action: 'manageList', page: 1 })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  })
})

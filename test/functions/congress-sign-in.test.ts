/**
 * Congress-day sign-in by 我的签到码: the activity check-in token, of its own kind. A 代表 or 列席
 * of the session fetches a code on the meeting day only; the 提案工作委员会 scans it; attendance is
 * recorded once (two scans at once → once), a used code is refused, a forged or expired one is
 * refused, and an activity code never signs anyone into a congress (nor a congress code into an activity).
 */
import fs from 'node:fs'
import path from 'node:path'
import { signToken } from '../../cloudfunctions/_shared/checkin-token'
import { attendanceOutput, congressCheckinTokenOutput } from '../../types/congress'
import { newEnvName, sdkFor } from '../support/cloud'
import { callAs } from './helpers'
import { call, inDays, must, stage, today, type Stage } from './congress-support'

jest.setTimeout(120_000)

const env = newEnvName('congress-signin')
const { db } = sdkFor(env)
let st: Stage
const appSecret = () => fs.readFileSync(path.join(process.env.LOCAL_CLOUD_DATA_ROOT!, 'app-secret.txt'), 'utf8').trim()
const meetOn = (day: string) => db.collection('congress_sessions').doc(st.sessionId).update({ data: { meetingDate: day } })
const code = async (who = st.delegates[0]) => (await must(env, who, 'checkinToken', { sessionId: st.sessionId })).token as string
const scan = (token: string, who = st.committee[0]) => call(env, who, 'checkin', { sessionId: st.sessionId, token })

beforeAll(async () => {
  st = await stage(env, db, 'q', 6)
  await must(env, st.chair, 'addDelegate', { sessionId: st.sessionId, memberId: st.outsider.memberId, constituency: '特邀', kind: 'guest' })
  await meetOn(today())
})

describe('我的签到码', () => {
  it('gives a 代表 and a 列席 a fresh code on the meeting day, and nobody else one', async () => {
    const out = await must(env, st.delegates[0], 'checkinToken', { sessionId: st.sessionId })
    expect(congressCheckinTokenOutput.safeParse(out).success).toBe(true)
    expect(out.token).toMatch(/^JD1\./)
    expect(out.refreshInSeconds).toBe(30)
    expect(await code(st.outsider)).toMatch(/^JD1\./)
    expect(await call(env, st.handler, 'checkinToken', { sessionId: st.sessionId })).toMatchObject({ ok: false, code: 'FORBIDDEN', message: '只有本次教代会的代表和列席可以打开签到码。' })
    expect(await call(env, st.committee[0], 'checkinToken', { sessionId: st.sessionId })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  })

  it('gives no code before or after the meeting day', async () => {
    await meetOn(inDays(1))
    try {
      expect(await call(env, st.delegates[0], 'checkinToken', { sessionId: st.sessionId })).toMatchObject({ ok: false, code: 'CONFLICT', message: `只有开会当天（${inDays(1)}）才能签到。` })
    } finally {
      await meetOn(today())
    }
  })
})

describe('scanning a code', () => {
  it('signs a 代表 in once, even when the code is scanned twice at the same moment, and refuses it again', async () => {
    const t = await code(st.delegates[0])
    const [x, y] = await Promise.all([scan(t), scan(t)])
    expect([x, y].filter((r) => r.ok)).toHaveLength(1)
    const ok = [x, y].find((r) => r.ok)
    expect(attendanceOutput.safeParse(ok.data).success).toBe(true)
    expect(ok.data).toMatchObject({ present: 1, delegates: 6, signedIn: { name: st.delegates[0].name, guest: false } })
    expect([x, y].find((r) => !r.ok)).toMatchObject({ code: 'CONFLICT', message: '这个签到码已经用过了，不能重复使用。' })
    expect(await scan(t)).toMatchObject({ ok: false, message: '这个签到码已经用过了，不能重复使用。' })
    expect((await scan(await code(st.delegates[0]))).message).toMatch(new RegExp(`^${st.delegates[0].name} 已于 \\d\\d:\\d\\d 签到，不需要再签。$`))
    expect((await db.collection('congress_attendance').where({ sessionId: st.sessionId }).count()).total).toBe(1)
    const audit = (await db.collection('audit_log').where({ action: 'congress.checkin' }).get()).data
    expect(audit.filter((e: any) => e.note === `扫码：${st.delegates[0].name}`)).toHaveLength(1)
  })

  it('records a 列席 without counting them towards the quorum', async () => {
    const r = await scan(await code(st.outsider))
    expect(r).toMatchObject({ ok: true, data: { present: 1, delegates: 6, quorum: 4, signedIn: { guest: true } } })
  })

  it('reaches the quorum with codes and the roster together', async () => {
    for (const d of st.delegates.slice(1, 3)) await must(env, st.committee[1], 'checkin', { sessionId: st.sessionId, token: await code(d) })
    const r = await must(env, st.chair, 'checkin', { sessionId: st.sessionId, memberIds: [st.delegates[3].memberId, st.delegates[0].memberId] })
    expect(r).toMatchObject({ present: 4, quorum: 4, reached: true })
    // the roster never rewrites a scanned 代表's record (its time and code stay)
    const first = (await db.collection('congress_attendance').doc(`${st.sessionId}_${st.delegates[0].memberId}`).get()).data
    expect((Array.isArray(first) ? first[0] : first).nonce).toEqual(expect.any(String))
  })

  it('refuses a forged code, an expired one and one of another session', async () => {
    const real = await code(st.delegates[4])
    const parts = real.split('.')
    parts[1] = `${st.sessionId}_${st.delegates[5].memberId}`
    expect(await scan(parts.join('.'))).toMatchObject({ ok: false, code: 'FORBIDDEN', message: '签到码无效，请让代表在“教代会”里重新打开签到码。' })
    expect(await scan('JD1.abc.def.ghi.jkl')).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    const body = `${st.sessionId}_${st.delegates[4].memberId}.${Math.floor(Date.now() / 1000 - 5).toString(36)}.abcdefgh`
    expect(await scan(`JD1.${body}.${signToken(appSecret(), { purpose: 'congress-checkin' }, body)}`)).toMatchObject({ ok: false, message: '签到码已过期，请让代表刷新签到码后再扫。' })
    const other = `congress-99-9_${st.delegates[4].memberId}.${Math.floor(Date.now() / 1000 + 50).toString(36)}.abcdefgh`
    expect(await scan(`JD1.${other}.${signToken(appSecret(), { purpose: 'congress-checkin' }, other)}`)).toMatchObject({ ok: false, message: '这个签到码不是本次教代会的，请让代表打开本次会议的签到码。' })
    expect((await must(env, st.chair, 'attendance', { sessionId: st.sessionId })).items.find((i: any) => i.memberId === st.delegates[4].memberId).present).toBe(false)
  })

  it('never takes an activity code for a congress code, nor the other way round', async () => {
    const body = `${st.sessionId}_${st.delegates[4].memberId}.${Math.floor(Date.now() / 1000 + 50).toString(36)}.abcdefgh`
    // signed as an activity code (its purpose), labelled either way
    const asActivity = signToken(appSecret(), { purpose: 'checkin' }, body)
    expect(await scan(`JG1.${body}.${asActivity}`)).toMatchObject({ ok: false, code: 'FORBIDDEN', message: '签到码无效，请让代表在“教代会”里重新打开签到码。' })
    expect(await scan(`JD1.${body}.${asActivity}`)).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    // a genuine congress code, relabelled for the activity function
    const relabelled = (await code(st.delegates[4])).replace(/^JD1\./, 'JG1.')
    expect(await callAs(env, { openid: st.chair.openid }, 'activity', { action: 'checkin', token: relabelled })).toMatchObject({ ok: false, message: '签到码无效，请让会员在“我的报名”里重新打开签到码。' })
  })

  it('lets only the 提案工作委员会 (and the chair) scan, and only on the meeting day', async () => {
    expect(await scan(await code(st.delegates[5]), st.delegates[4])).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    const t = await code(st.delegates[5])
    await meetOn(inDays(-1))
    try {
      expect(await scan(t)).toMatchObject({ ok: false, code: 'CONFLICT', message: `只有开会当天（${inDays(-1)}）才能签到。` })
    } finally {
      await meetOn(today())
    }
    expect(await scan(t, st.chair)).toMatchObject({ ok: true, data: { signedIn: { name: st.delegates[5].name } } })
  })

  it('asks for exactly one of a code and a list of 代表, naming the field', async () => {
    expect(await call(env, st.chair, 'checkin', { sessionId: st.sessionId })).toMatchObject({ ok: false, code: 'BAD_INPUT', message: expect.stringContaining('签到码') })
    expect(await call(env, st.chair, 'checkin', { sessionId: st.sessionId, token: 'JD1.a.b.c.d', memberIds: [st.delegates[4].memberId] })).toMatchObject({ ok: false, code: 'BAD_INPUT' })
  })
})

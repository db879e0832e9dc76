import { activityListOutput } from '../../types/activity'
import { result } from '../../types/result'
import { callAs, seededEnv } from './helpers'

let env: string
let applicantOpenid: string
beforeAll(async () => {
  const seeded = await seededEnv('activity')
  env = seeded.env
  applicantOpenid = (await seeded.db.collection('members').where({ membership: 'pending' }).limit(1).get()).data[0].openid
})

describe('activity.list', () => {
  it('refuses a visitor with a message that says how to join', async () => {
    expect(await callAs(env, 'visitor', 'activity', { action: 'list' }))
      .toEqual({ ok: false, code: 'FORBIDDEN', message: '此功能仅对工会会员开放，请先在"我的"页申请加入工会' })
  })

  it('refuses a pending applicant, saying the application is under review', async () => {
    expect(await callAs(env, { openid: applicantOpenid }, 'activity', { action: 'list' }))
      .toMatchObject({ ok: false, code: 'FORBIDDEN', message: '入会申请正在审核，通过后即可使用此功能' })
  })

  it('shows a member every published activity, latest start first', async () => {
    const r = await callAs(env, 'retiree', 'activity', { action: 'list' })
    expect(r.ok).toBe(true)
    expect(r.data.total).toBe(6)
    const starts = r.data.items.map((a: any) => Date.parse(a.startAt))
    expect(starts).toEqual([...starts].sort((a, b) => b - a))
  })

  it('reports a full activity with its waitlist', async () => {
    const { items } = (await callAs(env, 'staff', 'activity', { action: 'list' })).data
    const trip = items.find((a: any) => a.category === '疗休养')
    expect(trip).toMatchObject({ capacity: 20, confirmedCount: 20, waitlistCount: 3, status: 'full' })
  })

  it('derives open, upcoming and ended from the clock', async () => {
    const { items } = (await callAs(env, 'staff', 'activity', { action: 'list' })).data
    const statusOf = (title: string) => items.find((a: any) => a.title.includes(title)).status
    expect(statusOf('羽毛球赛')).toBe('open')
    expect(statusOf('冬至包饺子')).toBe('upcoming')
    expect(statusOf('三八')).toBe('ended')
  })

  it('answers in the shape the app parses', async () => {
    expect(result(activityListOutput).safeParse(await callAs(env, 'staff', 'activity', { action: 'list' })).success).toBe(true)
  })
})

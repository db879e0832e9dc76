/** The 活动 tab on the demo data: who may see it, what needs action first, my status on each card, search. */
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

const list = async (who: Parameters<typeof callAs>[1], q?: string) => (await callAs(env, who, 'activity', { action: 'list', page: 1, ...(q === undefined ? {} : { q }) }))

describe('activity.list', () => {
  it('refuses a visitor with a message that says how to join', async () => {
    expect(await callAs(env, 'visitor', 'activity', { action: 'list' }))
      .toEqual({ ok: false, code: 'FORBIDDEN', message: '此功能仅对工会会员开放，请先在"我的"页申请加入工会' })
  })

  it('refuses a pending applicant, saying the application is under review', async () => {
    expect(await callAs(env, { openid: applicantOpenid }, 'activity', { action: 'list' }))
      .toMatchObject({ ok: false, code: 'FORBIDDEN', message: '入会申请正在审核，通过后即可使用此功能' })
  })

  it('puts what needs action soonest first: open sign-ups closing soonest, then upcoming, then ended', async () => {
    const r = await list('staff')
    expect(result(activityListOutput).safeParse(r).success).toBe(true)
    const rows = r.data.items.map((a: any) => [a.title.slice(0, 8), a.status])
    expect(rows).toEqual([
      ['2026年教职工', 'open'], // 体检: sign-up closes tomorrow
      ['2026年教职工', 'full'], // 疗休养: closes in 3 days, full with a queue
      ['教职工书法兴趣班', 'open'], // closes in 5 days
      ['2026年冬季教', 'open'], // 羽毛球赛: closes in 6 days
      ['冬至包饺子 · ', 'upcoming'],
      ['教师节座谈会暨荣', 'ended'],
    ])
    expect(r.data.items[0].title).toBe('2026年教职工健康体检')
    // Ended more than 60 days ago: only by search (or 我的报名).
    expect(r.data.items.some((a: any) => a.title.includes('三八'))).toBe(false)
  })

  it('shows the caller’s own status on every card: 已报名, 候补第 n 位, nothing where they did not sign up', async () => {
    const { items } = (await list('staff')).data
    const mine = (title: string) => items.find((a: any) => a.title.includes(title)).mine
    expect(mine('体检')).toEqual({ state: 'confirmed', checkedIn: false })
    expect(mine('疗休养')).toEqual({ state: 'waitlisted', waitPosition: 2, checkedIn: false })
    expect(mine('冬至')).toBeUndefined()
    expect(mine('座谈会')).toEqual({ state: 'confirmed', checkedIn: true })
  })

  it('reports a full activity with its waitlist', async () => {
    const { items } = (await list('staff')).data
    expect(items.find((a: any) => a.category === '疗休养')).toMatchObject({ capacity: 20, confirmedCount: 20, waitlistCount: 3, status: 'full' })
  })

  it('finds titles by any two characters typed, ended ones included, from the index', async () => {
    expect((await list('retiree', '羽毛球')).data.items.map((a: any) => a.title)).toEqual(['2026年冬季教职工羽毛球赛'])
    expect((await list('retiree', '三八')).data.items.map((a: any) => a.status)).toEqual(['ended'])
    expect((await list('retiree', '安吉')).data.items.map((a: any) => a.category)).toEqual(['疗休养'])
    expect((await list('retiree', '没有这个')).data.items).toEqual([])
    expect(await list('retiree', '体')).toMatchObject({ ok: false, code: 'BAD_INPUT', message: '请至少输入两个字再搜索。' })
  })
})

import { opinionListQaOutput, opinionMineOutput } from '../../types/opinion'
import { result } from '../../types/result'
import { callAs, seededEnv } from './helpers'

let env: string
let db: any
beforeAll(async () => { ({ env, db } = await seededEnv('opinion')) })

describe('opinion.mine', () => {
  it('lists only the caller’s named opinions', async () => {
    const r = await callAs(env, 'staff', 'opinion', { action: 'mine' })
    expect(r.ok).toBe(true)
    expect(r.data.items.map((o: any) => o.text).sort()).toEqual([
      '学校东门晚上有两盏路灯不亮，晚自习下班时很暗，请后勤处维修。',
      '建议今年体检增加甲状腺彩超和骨密度检测项目。',
    ].sort())
    expect(result(opinionMineOutput).safeParse(r).success).toBe(true)
  })

  it('shows the latest reply of an answered opinion', async () => {
    const { items } = (await callAs(env, 'staff', 'opinion', { action: 'mine' })).data
    const answered = items.find((o: any) => o.state === 'replied')
    expect(answered.replyCount).toBe(1)
    expect(answered.lastReply.text).toContain('骨密度')
  })

  it('links no anonymous opinion to anyone: the committee, who wrote none by name, sees none', async () => {
    const anonymous = await db.collection('opinions').where({ anonymous: true }).count()
    expect(anonymous.total).toBeGreaterThan(0)
    expect((await callAs(env, 'committee', 'opinion', { action: 'mine' })).data).toEqual({ items: [], page: 1, total: 0 })
  })

  it('stores anonymous opinions without any identity or time-of-day field', async () => {
    const { data } = await db.collection('opinions').where({ anonymous: true }).limit(100).get()
    for (const o of data) {
      for (const key of ['memberId', 'openid', '_openid', 'createdAt', 'updatedAt']) expect(o).not.toHaveProperty(key)
    }
  })

  it('refuses a visitor', async () => {
    expect(await callAs(env, 'visitor', 'opinion', { action: 'mine' })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  })
})

describe('opinion.listQa', () => {
  it('shows members the published Q&A', async () => {
    const r = await callAs(env, 'retiree', 'opinion', { action: 'listQa' })
    expect(r.data.total).toBe(1)
    expect(r.data.items[0]).toMatchObject({ category: '食堂', question: expect.stringContaining('清淡') })
    expect(result(opinionListQaOutput).safeParse(r).success).toBe(true)
  })

  it('does not reveal which opinion a Q&A came from', async () => {
    const r = await callAs(env, 'chair', 'opinion', { action: 'listQa' })
    expect(Object.keys(r.data.items[0]).sort()).toEqual(['answer', 'category', 'id', 'publishedAt', 'question'])
  })

  it('refuses a visitor', async () => {
    expect(await callAs(env, 'visitor', 'opinion', { action: 'listQa' })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  })
})

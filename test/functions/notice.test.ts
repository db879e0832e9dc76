import { noticeListOutput } from '../../types/notice'
import { result } from '../../types/result'
import { callAs, seededEnv } from './helpers'

let env: string
let db: any
beforeAll(async () => { ({ env, db } = await seededEnv('notice')) })

async function listAll(who: Parameters<typeof callAs>[1], input: Record<string, unknown> = {}) {
  const r = await callAs(env, who, 'notice', { action: 'list', ...input })
  expect(r.ok).toBe(true)
  return r.data
}

describe('notice.list', () => {
  it('shows a visitor only public (对外) notices', async () => {
    const data = await listAll('visitor')
    expect(data.total).toBeGreaterThan(0)
    expect(data.items.every((n: any) => n.visibility === 'public')).toBe(true)
    const publicCount = (await db.collection('notices').where({ state: 'published', visibility: 'public' }).count()).total
    expect(data.total).toBe(publicCount)
  })

  it('shows a member internal and public notices', async () => {
    const data = await listAll('staff')
    const published = (await db.collection('notices').where({ state: 'published' }).count()).total
    expect(data.total).toBe(published)
    expect(data.items.some((n: any) => n.visibility === 'internal')).toBe(true)
  })

  it('never lists drafts or withdrawn notices', async () => {
    const data = await listAll('chair')
    const titles = data.items.map((n: any) => n.title)
    expect(titles).not.toContain('关于元旦假期安排的通知')
    expect(titles).not.toContain('2027年校工会工作计划（征求意见稿）')
  })

  it('lists pinned notices first, then newest first', async () => {
    const { items } = await listAll('staff')
    const firstUnpinned = items.findIndex((n: any) => !n.pinned)
    expect(firstUnpinned).toBeGreaterThan(0)
    expect(items.slice(firstUnpinned).every((n: any) => !n.pinned)).toBe(true)
    for (const group of [items.slice(0, firstUnpinned), items.slice(firstUnpinned)]) {
      const times = group.map((n: any) => Date.parse(n.publishedAt))
      expect(times).toEqual([...times].sort((a, b) => b - a))
    }
  })

  it('marks what this member has read and nothing for a visitor', async () => {
    const staff = await listAll('staff')
    const read = staff.items.filter((n: any) => n.read).map((n: any) => n.title).sort()
    expect(read).toEqual(['关于2026年教职工健康体检安排的通知', '关于冬季作息时间调整的通知', '工会会员会费收缴标准说明'].sort())
    const visitor = await listAll('visitor')
    expect(visitor.items.some((n: any) => n.read)).toBe(false)
  })

  it('shows the 公示期 state and the correction count', async () => {
    const { items } = await listAll('staff')
    const byTitle = (t: string) => items.find((n: any) => n.title === t)
    expect(byTitle('2026年第三季度工会经费收支情况公示').publicityState).toBe('active')
    expect(byTitle('2026年度“优秀教职工”评选结果公示').publicityState).toBe('ended')
    expect(byTitle('2027年职称评审推荐人选公示').publicityState).toBe('upcoming')
    expect(byTitle('关于调整教工食堂冬季供餐时间的通知').correctionCount).toBe(1)
    expect(byTitle('关于冬季作息时间调整的通知').publicityState).toBe('none')
  })

  it('filters by category', async () => {
    const { items, total } = await listAll('staff', { category: '人事' })
    expect(total).toBe(2)
    expect(items.every((n: any) => n.category === '人事')).toBe(true)
  })

  it('searches titles by keyword; a query with fewer than two characters to look for is refused in Chinese', async () => {
    expect((await listAll('staff', { keyword: '体检' })).items.map((n: any) => n.title)).toEqual(['关于2026年教职工健康体检安排的通知'])
    expect((await listAll('staff', { keyword: '体检.*' })).total).toBe(0)
    for (const keyword of ['.*', '检']) {
      expect(await callAs(env, 'staff', 'notice', { action: 'list', keyword })).toMatchObject({ ok: false, code: 'BAD_INPUT', message: expect.stringContaining('两个字') })
    }
  })

  it('answers in the shape the app parses, with no author or openid fields', async () => {
    const r = await callAs(env, 'chair', 'notice', { action: 'list' })
    expect(result(noticeListOutput).safeParse(r).success).toBe(true)
    expect(JSON.stringify(r)).not.toMatch(/createdBy|publishedBy|openid|mem\d{3}/)
  })

  it('refuses an unknown category as BAD_INPUT with a Chinese message', async () => {
    const r = await callAs(env, 'staff', 'notice', { action: 'list', category: '八卦' })
    expect(r).toMatchObject({ ok: false, code: 'BAD_INPUT', message: expect.stringContaining('分类不是可选的值'), issues: [{ path: ['category'] }] })
  })

  it('pages by 20 and reports the page asked for', async () => {
    const r = await listAll('staff', { page: 2 })
    expect(r.page).toBe(2)
    expect(r.items).toHaveLength(Math.max(0, r.total - 20))
  })
})

import { act, fireEvent, render, screen } from '@testing-library/react'
import { WelfareTodo } from '@/components/welfare/WelfareTodo'
import { LedgerSummary } from '@/packages/welfare/components/LedgerSummary'
import type { WelfareSummaryOutput, WelfareTodoOutput } from '../../types/welfare'

jest.mock('@tarojs/taro', () => require('./support/taro'))
jest.mock('@tarojs/components', () => require('./support/taro-components'))
const Taro = jest.requireMock('@tarojs/taro').default as { navigateTo: jest.Mock }

const todo: WelfareTodoOutput = {
  today: '2026-11-22',
  birthdaysWeek: [{ id: 'm1', name: '杨德明', department: '数学组', status: '离退休', birthday: '11-24', visited: false }],
  birthdaysMonth: [{ id: 'm1', name: '杨德明', department: '数学组', status: '离退休', birthday: '11-24', visited: false }],
  followUps: [{ visitId: 'wv7', name: '蒋文华', visitDate: '2026-11-06', dueOn: '2026-11-20' }],
  plans: [{ id: 'p1', title: '元旦走访慰问', plannedDate: '2026-12-16', remaining: 4, total: 4 }],
  count: 3,
}

async function renderWith(t: WelfareTodoOutput | null | undefined) {
  let out: ReturnType<typeof render> | undefined
  await act(async () => { out = render(<WelfareTodo todo={t} />) })
  return out!
}

describe('WelfareTodo card (我的, committee home)', () => {
  beforeEach(() => require('./support/taro').resetTaroMock())

  it.each([['no 待办 (not on the committee)', undefined], ['a 待办 that could not be made', null]])('renders nothing with %s', async (_k, t) => {
    const { container } = await renderWith(t)
    expect(container.textContent).toBe('')
  })

  it('shows a committee member the birthdays, follow-ups and unvisited plan entries, and opens the 待办 page', async () => {
    await renderWith(todo)
    expect(screen.getByText('慰问待办')).toBeTruthy()
    expect(screen.getByText('3')).toBeTruthy()
    expect(screen.getByText('杨德明 11月24日生日')).toBeTruthy()
    expect(screen.getByText('蒋文华 住院回访（11月20日到期）')).toBeTruthy()
    expect(screen.getByText('元旦走访慰问：还有 4 户未走访')).toBeTruthy()
    fireEvent.click(screen.getByText('慰问待办'))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/welfare/pages/todo/index' })
  })
})

describe('LedgerSummary', () => {
  const row = (key: string, count: number, cashFen: number, giftFen = 0) => ({ key, count, cashFen, giftFen, totalFen: cashFen + giftFen })
  const s: WelfareSummaryOutput = {
    year: 2026, allYears: false, count: 3, cashFen: 30, giftFen: 1, totalFen: 31, plannedCount: 2,
    byReason: [row('节日慰问', 2, 10, 1), row('生日', 1, 20), row('丧葬', 0, 0)],
    byMonth: Array.from({ length: 12 }, (_v, i) => row(`2026-${String(i + 1).padStart(2, '0')}`, i === 1 ? 3 : 0, i === 1 ? 30 : 0, i === 1 ? 1 : 0)),
    byFund: [row('工会经费', 3, 30, 1)],
  }

  it('shows exact 元 from 分 (0.10 + 0.20 reads 0.30) and a bar per reason that has visits', async () => {
    await act(async () => { render(<LedgerSummary s={s} />) })
    expect(screen.getByText('合计 0.31 元')).toBeTruthy()
    expect(screen.getByText('慰问金 0.30 元 · 慰问品 0.01 元')).toBeTruthy()
    expect(screen.getByText('0.11 元 · 2次')).toBeTruthy()
    expect(screen.queryByText('丧葬')).toBeNull()
    expect(screen.getAllByText(/^\d+月$/)).toHaveLength(12)
  })
})

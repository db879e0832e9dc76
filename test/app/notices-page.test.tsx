import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { CallError } from '@/services/call'
import { meAs, notice, page } from './support/fixtures'

jest.mock('@tarojs/taro', () => require('./support/taro'))
jest.mock('@tarojs/components', () => require('./support/taro-components'))
jest.mock('@/services/api', () => ({ api: { me: jest.fn(), notices: jest.fn() } }))

const { api } = jest.requireMock('@/services/api') as { api: { me: jest.Mock; notices: jest.Mock } }

import NoticesPage from '@/pages/notices/index'
import { forgetMe } from '@/hooks/useMe'

async function renderPage() {
  forgetMe() // each test is a new person
  // inside act so the already-resolved answers (who am I, page 1) land before assertions
  await act(async () => {
    render(<NoticesPage />)
  })
}

describe('公开 tab (notice list)', () => {
  beforeEach(() => {
    require('./support/taro').resetTaroMock()
    api.me.mockResolvedValue(meAs.member)
  })

  it('lists notices and refetches page 1 of a category when its chip is tapped', async () => {
    api.notices.mockResolvedValue(page([notice()]))
    await renderPage()
    await screen.findByText('关于教职工体检安排的通知')
    expect(api.notices).toHaveBeenLastCalledWith({ category: undefined, keyword: undefined, page: 1 })

    api.notices.mockResolvedValue(page([notice({ id: 'n2', title: '2026 年工会经费预算', category: '财务' })]))
    fireEvent.click(screen.getByText('财务'))
    await screen.findByText('2026 年工会经费预算')
    expect(api.notices).toHaveBeenLastCalledWith({ category: '财务', keyword: undefined, page: 1 })
  })

  it('searches titles on confirm and says what to do when nothing matches', async () => {
    api.notices.mockResolvedValue(page([notice()]))
    await renderPage()
    await screen.findByText('关于教职工体检安排的通知')
    api.notices.mockResolvedValue(page([]))
    const input = screen.getByPlaceholderText('搜索公开标题（至少两个字）')
    fireEvent.change(input, { target: { value: ' 食堂 ' } })
    fireEvent.click(screen.getByText('搜索'))
    await screen.findByText('没有标题含“食堂”的公开')
    expect(api.notices).toHaveBeenLastCalledWith({ category: undefined, keyword: '食堂', page: 1 })
  })

  it('shows the Chinese error with a 重试 button that loads again', async () => {
    api.notices.mockRejectedValueOnce(new CallError('network', '网络不通，请检查网络后重试'))
    await renderPage()
    await screen.findByText('网络不通，请检查网络后重试')
    api.notices.mockResolvedValue(page([notice()]))
    fireEvent.click(screen.getByText('重试'))
    await screen.findByText('关于教职工体检安排的通知')
  })

  it('loads the next 20 when the reader reaches the bottom', async () => {
    const first = Array.from({ length: 20 }, (_, i) => notice({ id: `n${i}`, title: `通知 ${i}` }))
    api.notices.mockResolvedValueOnce(page(first, 21, 1)).mockResolvedValueOnce(page([notice({ id: 'n20', title: '通知 20' })], 21, 2))
    await renderPage()
    await screen.findByText('通知 0')
    act(() => require('./support/taro').fireReachBottom())
    await screen.findByText('通知 20')
    expect(api.notices).toHaveBeenLastCalledWith({ category: undefined, keyword: undefined, page: 2 })
    expect(screen.getByText('没有更多了')).toBeTruthy()
  })

  it('shows a visitor the prompt to 申请加入 and no unread markers', async () => {
    api.me.mockResolvedValue(meAs.visitor)
    api.notices.mockResolvedValue(page([notice({ visibility: 'public', read: false })]))
    await renderPage()
    await screen.findByText('关于教职工体检安排的通知')
    await screen.findByText('申请加入')
    expect(screen.queryByLabelText('未读')).toBeNull()
  })

  it('keeps the newest filter when an older answer arrives late', async () => {
    let resolveSlow!: (v: unknown) => void
    api.notices.mockReturnValueOnce(new Promise((r) => (resolveSlow = r)))
    await renderPage()
    api.notices.mockResolvedValue(page([notice({ id: 'n9', title: '人事任免公示', category: '人事' })]))
    fireEvent.click(screen.getByText('人事'))
    await screen.findByText('人事任免公示')
    await act(async () => resolveSlow(page([notice({ id: 'old', title: '过时的全部列表' })])))
    await waitFor(() => expect(screen.queryByText('过时的全部列表')).toBeNull())
    expect(screen.getByText('人事任免公示')).toBeTruthy()
  })

  it('drops the unread marker of a notice once it is opened', async () => {
    api.notices.mockResolvedValue(page([notice({ read: false })]))
    await renderPage()
    await screen.findByText('关于教职工体检安排的通知')
    expect(screen.getByLabelText('未读')).toBeTruthy()
    fireEvent.click(screen.getByText('关于教职工体检安排的通知'))
    expect(screen.queryByLabelText('未读')).toBeNull()
  })

  it('offers 公告管理 to committee members and not to members', async () => {
    api.notices.mockResolvedValue(page([notice()]))
    await renderPage()
    await screen.findByText('关于教职工体检安排的通知')
    expect(screen.queryByText('公告管理')).toBeNull()
    api.me.mockResolvedValue(meAs.committee)
    await renderPage()
    await screen.findByText('公告管理')
  })
})

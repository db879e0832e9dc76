import { fireEvent, render, screen } from '@testing-library/react'
import type { NoticeListItem } from '../../types/notice'
import { NoticeItem } from '@/components/notice/NoticeItem'

jest.mock('@tarojs/components', () => require('./support/taro-components'))

const base: NoticeListItem = {
  id: 'n1',
  title: '2026 年工会经费收支情况公示',
  category: '工会经费',
  visibility: 'internal',
  pinned: false,
  publishedAt: '2026-11-20T01:30:00.000Z',
  publicityStart: '2026-11-20T00:00:00.000Z',
  publicityEnd: '2026-11-27T15:59:59.000Z',
  publicityState: 'active',
  correctionCount: 2,
  read: false,
}

describe('NoticeItem', () => {
  it('shows 公示中 with its end date, 已更正 n 次 and the unread marker', () => {
    render(<NoticeItem notice={base} showUnread onOpen={() => {}} />)
    expect(screen.getByText('公示中')).toBeTruthy()
    expect(screen.getByText('公示至 11月27日')).toBeTruthy()
    expect(screen.getByText('已更正 2 次')).toBeTruthy()
    expect(screen.getByLabelText('未读')).toBeTruthy()
  })

  it('shows 已结束 after the 公示期 and no correction tag for an uncorrected notice', () => {
    render(<NoticeItem notice={{ ...base, publicityState: 'ended', correctionCount: 0 }} showUnread onOpen={() => {}} />)
    expect(screen.getByText('已结束')).toBeTruthy()
    expect(screen.queryByText(/已更正/)).toBeNull()
    expect(screen.queryByText('公示中')).toBeNull()
  })

  it('has no unread marker once read, nor for visitors (who have no read receipts)', () => {
    const { rerender } = render(<NoticeItem notice={{ ...base, read: true }} showUnread onOpen={() => {}} />)
    expect(screen.queryByLabelText('未读')).toBeNull()
    rerender(<NoticeItem notice={base} showUnread={false} onOpen={() => {}} />)
    expect(screen.queryByLabelText('未读')).toBeNull()
  })

  it('marks pinned notices and dates them in Shanghai time', () => {
    // 2026-11-19T17:00Z is already 11-20 01:00 in Shanghai
    render(<NoticeItem notice={{ ...base, pinned: true, publishedAt: '2026-11-19T17:00:00.000Z' }} showUnread onOpen={() => {}} />)
    expect(screen.getByText('置顶')).toBeTruthy()
    expect(screen.getByText('2026-11-20')).toBeTruthy()
  })

  it('opens the notice on tap', () => {
    const onOpen = jest.fn()
    render(<NoticeItem notice={base} showUnread onOpen={onOpen} />)
    fireEvent.click(screen.getByText(base.title))
    expect(onOpen).toHaveBeenCalledWith(base)
  })
})

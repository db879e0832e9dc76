/**
 * The submitter's side on the device: the receipt code shown once (copy, opt-in remember),
 * codes remembered only when asked, the "new reply" count, and the thread view.
 */
import { fireEvent, render, screen } from '@testing-library/react'
import { formatReceiptCode, normalizeReceiptCode, type OpinionView } from '../../types/opinion'
import { ReceiptCard } from '@/components/opinion/ReceiptCard'
import { OpinionThread } from '@/components/opinion/OpinionThread'
import { RateBar } from '@/components/opinion/RateBar'
import { forgetReceipt, handOffCode, markRepliesSeen, rememberReceipt, rememberedReceipts, takeHandedOffCode } from '@/components/opinion/receipts'

jest.mock('@tarojs/taro', () => {
  const mock = require('./support/taro')
  mock.default.setClipboardData = jest.fn(async () => ({}))
  return mock
})
jest.mock('@tarojs/components', () => require('./support/taro-components'))

const Taro = (jest.requireMock('@tarojs/taro') as any).default
const { resetTaroMock } = jest.requireMock('@tarojs/taro') as any
const CODE = 'M3XE6DTJ26NN5PV6'

beforeEach(() => resetTaroMock())

describe('receipt codes on the device', () => {
  it('are typed forgivingly: dashes, spaces, lower case and look-alike letters fold to the code', () => {
    expect(normalizeReceiptCode(' m3xe-6dtj 26nn-5pv6 ')).toBe(CODE)
    expect(normalizeReceiptCode('O0IL')).toBe('0011')
    expect(formatReceiptCode(CODE)).toBe('M3XE-6DTJ-26NN-5PV6')
  })

  it('are remembered only when the submitter turns it on, and forgotten when turned off', () => {
    render(<ReceiptCard code={CODE} category='食堂' submittedOn='2026-11-22' />)
    expect(screen.getByText('M3XE-6DTJ-26NN-5PV6')).toBeTruthy()
    expect(rememberedReceipts()).toEqual([])
    const toggle = screen.getByRole('switch')
    fireEvent.click(toggle)
    expect(rememberedReceipts()).toEqual([{ code: CODE, category: '食堂', submittedOn: '2026-11-22', seenReplies: 0 }])
    fireEvent.click(toggle)
    expect(rememberedReceipts()).toEqual([])
  })

  it('copy puts the grouped code on the clipboard and says so', async () => {
    render(<ReceiptCard code={CODE} category='食堂' submittedOn='2026-11-22' />)
    fireEvent.click(screen.getByText('复制回执码'))
    expect(await screen.findByText('已复制，请保存好')).toBeTruthy()
    expect(Taro.setClipboardData).toHaveBeenCalledWith({ data: 'M3XE-6DTJ-26NN-5PV6' })
  })

  it('count replies read so far, never backwards, and only for remembered codes', () => {
    rememberReceipt({ code: CODE, category: '食堂', submittedOn: '2026-11-22' })
    markRepliesSeen(CODE, 2)
    markRepliesSeen(CODE, 1)
    markRepliesSeen('OTHERCODE0000000', 3)
    expect(rememberedReceipts()).toEqual([expect.objectContaining({ code: CODE, seenReplies: 2 })])
    forgetReceipt(CODE)
    expect(rememberedReceipts()).toEqual([])
  })

  it('are handed to the tracking page in memory once, never through a URL', () => {
    handOffCode(CODE)
    expect(takeHandedOffCode()).toBe(CODE)
    expect(takeHandedOffCode()).toBeUndefined()
    expect(Taro.navigateTo).not.toHaveBeenCalled()
  })
})

const view: OpinionView = {
  anonymous: true, category: '食堂', text: '晚餐窗口能否延长？', imageUrls: [], state: 'replied', submittedOn: '2026-11-20', dueOn: '2026-11-27', overdue: false,
  replies: [{ text: '已延长到19:00。', on: '2026-11-22' }], followUps: [{ text: '谢谢！', on: '2026-11-23' }],
}

describe('OpinionThread', () => {
  it('shows the state, the replies and follow-ups by date only, and no rating before one is given', () => {
    render(<OpinionThread opinion={view} />)
    expect(screen.getByText('已答复')).toBeTruthy()
    expect(screen.getByText('工会答复 · 11月22日')).toBeTruthy()
    expect(screen.getByText('我的补充 · 11月23日')).toBeTruthy()
    expect(screen.queryByText(/我的评价/)).toBeNull()
  })

  it('shows the reason of 不予受理 and the published Q&A', () => {
    render(<OpinionThread opinion={{ ...view, state: 'rejected', replies: [], rejectReason: '经费规定不允许。', qa: { question: '问题', answer: '答案', publishedOn: '2026-11-24' } }} />)
    expect(screen.getByText('不予受理')).toBeTruthy()
    expect(screen.getByText('经费规定不允许。')).toBeTruthy()
    expect(screen.getByText(/11月24日 整理后公开为问答/)).toBeTruthy()
  })
})

describe('RateBar', () => {
  it('offers 满意 / 基本满意 / 不满意 and reports the choice', () => {
    const onRate = jest.fn()
    render(<RateBar value='fair' onRate={onRate} />)
    expect(screen.getByText('基本满意').getAttribute('aria-checked')).toBe('true')
    fireEvent.click(screen.getByText('不满意'))
    expect(onRate).toHaveBeenCalledWith('dissatisfied')
  })
})

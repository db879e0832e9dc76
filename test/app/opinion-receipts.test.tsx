/**
 * The submitter's side on the device: the receipt code shown once (remember on this phone as the
 * recommended choice, copy, and a question before leaving if neither was done), codes remembered
 * only when asked, the "new reply" count, and the thread view.
 */
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react'
import { formatReceiptCode, normalizeReceiptCode, type OpinionView } from '../../types/opinion'
import { ReceiptCard } from '@/components/opinion/ReceiptCard'
import { OpinionThread } from '@/components/opinion/OpinionThread'
import { RateBar } from '@/components/opinion/RateBar'
import { forgetReceipt, handOffCode, markRepliesSeen, rememberReceipt, rememberedReceipts, takeHandedOffCode } from '@/components/opinion/receipts'

jest.mock('@tarojs/taro', () => {
  const mock = require('./support/taro')
  mock.default.setClipboardData = jest.fn(async () => ({}))
  mock.default.showModal = jest.fn(async () => ({ confirm: false, cancel: true }))
  mock.default.navigateBack = jest.fn(async () => ({}))
  return mock
})
jest.mock('@tarojs/components', () => {
  const base = require('./support/taro-components')
  const { createElement } = require('react')
  // The opinion form's text box: Taro's onInput event shape, as the shared Input mock does it.
  const Textarea = (p: any) => createElement('textarea', { placeholder: p.placeholder, value: p.value ?? '', onChange: (e: any) => p.onInput?.({ detail: { value: e.target.value } }) })
  return { ...base, Textarea }
})
const submitOpinion = jest.fn()
jest.mock('@/components/opinion/api', () => ({ opinionApi: { submit: (...args: unknown[]) => submitOpinion(...args) } }))
// Pages import styles through the @/ alias, which the style stub mapping does not see.
jest.mock('@/components/opinion/opinion.scss', () => ({}))

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

  it('are shown in two halves (one line, or two in 关怀模式) and remembered only when the submitter chooses it', () => {
    const onChange = jest.fn()
    const { container } = render(<ReceiptCard code={CODE} category='食堂' submittedOn='2026-11-22' onChange={onChange} />)
    expect(container.querySelector('[data-receipt-code]')!.textContent).toBe('M3XE-6DTJ-26NN-5PV6')
    expect(rememberedReceipts()).toEqual([])
    fireEvent.click(screen.getByText('记在这台手机上（推荐）'))
    expect(rememberedReceipts()).toEqual([{ code: CODE, category: '食堂', submittedOn: '2026-11-22', seenReplies: 0 }])
    expect(onChange).toHaveBeenLastCalledWith({ remembered: true, copied: false })
    fireEvent.click(screen.getByText('不要记在这台手机上'))
    expect(rememberedReceipts()).toEqual([])
    expect(onChange).toHaveBeenLastCalledWith({ remembered: false, copied: false })
  })

  it('copy puts the grouped code on the clipboard and says so', async () => {
    const onChange = jest.fn()
    render(<ReceiptCard code={CODE} category='食堂' submittedOn='2026-11-22' onChange={onChange} />)
    fireEvent.click(screen.getByText('复制回执码'))
    expect(await screen.findByText('已复制，请另存好')).toBeTruthy()
    expect(Taro.setClipboardData).toHaveBeenCalledWith({ data: 'M3XE-6DTJ-26NN-5PV6' })
    expect(onChange).toHaveBeenLastCalledWith({ remembered: false, copied: true })
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

describe('leaving the receipt page', () => {
  /** The submit page right after an anonymous submission (the function answered CODE). */
  async function submitted() {
    submitOpinion.mockImplementation(async () => ({ code: CODE, submittedOn: '2026-11-22', dueDays: 7, held: false }))
    const { default: SubmitPage } = await import('@/packages/opinion/pages/submit/index')
    render(<SubmitPage />)
    fireEvent.click(screen.getByText('食堂'))
    fireEvent.change(screen.getByPlaceholderText(/写清楚是什么事/), { target: { value: '晚餐窗口能否延长到七点？' } })
    fireEvent.click(screen.getByText('匿名提交'))
    await screen.findByText('匿名意见已提交')
    expect(submitOpinion).toHaveBeenCalledWith(expect.objectContaining({ requestId: expect.stringMatching(/^[0-9a-z]{22,}$/), anonymous: true, images: [] }))
  }

  it('asks before leaving when the code was neither copied nor remembered; "留在本页" stays', async () => {
    await submitted()
    await act(async () => { fireEvent.click(screen.getByText('返回意见箱')) })
    expect(Taro.showModal).toHaveBeenCalledWith(expect.objectContaining({ title: '回执码还没保存', confirmText: '记住并离开', cancelText: '留在本页' }))
    expect(Taro.navigateBack).not.toHaveBeenCalled()
    expect(rememberedReceipts()).toEqual([])
  })

  it('"记住并离开" remembers the code on this phone, then leaves', async () => {
    Taro.showModal.mockImplementationOnce(async () => ({ confirm: true, cancel: false }))
    await submitted()
    await act(async () => { fireEvent.click(screen.getByText('返回意见箱')) })
    await waitFor(() => expect(Taro.navigateBack).toHaveBeenCalled())
    expect(rememberedReceipts()).toEqual([expect.objectContaining({ code: CODE })])
  })

  it('leaves without asking once the code was copied', async () => {
    await submitted()
    await act(async () => { fireEvent.click(screen.getByText('复制回执码')) })
    await act(async () => { fireEvent.click(screen.getByText('返回意见箱')) })
    expect(Taro.showModal).not.toHaveBeenCalled()
    expect(Taro.navigateBack).toHaveBeenCalled()
  })
})

describe('the submit form', () => {
  it('keeps one request id across a double tap and a retry after a failure, so the function stores one item', async () => {
    const { CallError } = await import('@/services/call')
    let release!: () => void
    submitOpinion
      .mockImplementationOnce(() => new Promise((_, reject) => { release = () => reject(new CallError('network', '网络不通，请检查网络后重试')) }))
      .mockImplementationOnce(async () => ({ code: CODE, submittedOn: '2026-11-22', dueDays: 7, held: false }))
    const { default: SubmitPage } = await import('@/packages/opinion/pages/submit/index')
    render(<SubmitPage />)
    fireEvent.click(screen.getByText('食堂'))
    fireEvent.change(screen.getByPlaceholderText(/写清楚是什么事/), { target: { value: '晚餐窗口能否延长到七点？' } })
    fireEvent.click(screen.getByText('匿名提交'))
    fireEvent.click(screen.getByText(/匿名提交|正在提交/))
    await waitFor(() => expect(submitOpinion).toHaveBeenCalledTimes(1))
    await act(async () => release())
    expect(await screen.findByText('网络不通，请检查网络后重试')).toBeTruthy()
    fireEvent.click(screen.getByText('匿名提交'))
    await screen.findByText('匿名意见已提交')
    expect(submitOpinion).toHaveBeenCalledTimes(2)
    expect(submitOpinion.mock.calls[1][0].requestId).toBe(submitOpinion.mock.calls[0][0].requestId)
  })
})

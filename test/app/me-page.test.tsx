import { act, fireEvent, render, screen } from '@testing-library/react'
import { meAs } from './support/fixtures'
import MePage from '@/pages/me/index'
import { forgetMe } from '@/hooks/useMe'
import { CallError } from '@/services/call'

jest.mock('@tarojs/taro', () => require('./support/taro'))
jest.mock('@tarojs/components', () => require('./support/taro-components'))
jest.mock('@/services/api', () => ({ api: { me: jest.fn() } }))

const { api } = jest.requireMock('@/services/api') as { api: { me: jest.Mock } }
const Taro = jest.requireMock('@tarojs/taro').default as { navigateTo: jest.Mock }

async function renderAs(me: unknown) {
  forgetMe()
  api.me.mockResolvedValue(me)
  await act(async () => {
    render(<MePage />)
  })
}

describe('我的 tab', () => {
  beforeEach(() => require('./support/taro').resetTaroMock())

  it('shows a member’s name, role and status, and no 慰问记录', async () => {
    await renderAs(meAs.member)
    expect(screen.getAllByText('王芳').length).toBeGreaterThan(0)
    expect(screen.getByText('会员')).toBeTruthy()
    expect(screen.getByText('语文组 · 在职')).toBeTruthy()
    expect(screen.queryByText('慰问记录')).toBeNull()
  })

  it('gives committee members the entry to 慰问记录 in its subpackage', async () => {
    await renderAs(meAs.committee)
    fireEvent.click(screen.getByText('慰问记录'))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/welfare/pages/list/index' })
  })

  it('asks a visitor to 申请加入 and leads to the application page', async () => {
    await renderAs(meAs.visitor)
    expect(screen.getByText('你还不是工会会员')).toBeTruthy()
    fireEvent.click(screen.getByText('申请加入'))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/member/pages/apply/index' })
  })

  it('keeps the 关怀模式 switch usable even when loading who I am failed', async () => {
    forgetMe()
    api.me.mockRejectedValue(new CallError('network', '网络不通，请检查网络后重试'))
    await act(async () => {
      render(<MePage />)
    })
    expect(screen.getByText('网络不通，请检查网络后重试')).toBeTruthy()
    expect(screen.getByRole('switch')).toBeTruthy()
  })

  it('has no persona switch outside the local build', async () => {
    await renderAs(meAs.member)
    expect(screen.queryByText('切换身份')).toBeNull()
  })
})

import { act, fireEvent, render, screen } from '@testing-library/react'
import { meAs } from './support/fixtures'
import MePage from '@/pages/me/index'
import { forgetMe, shareMe, useMe } from '@/hooks/useMe'
import { CallError } from '@/services/call'
import type { DeskItem } from '../../types/desk'
import type { MemberMeOutput } from '../../types/member'
import type { WelfareTodoOutput } from '../../types/welfare'

jest.mock('@tarojs/taro', () => require('./support/taro'))
jest.mock('@tarojs/components', () => require('./support/taro-components'))
jest.mock('@/services/api', () => ({ api: { me: jest.fn() } }))
jest.mock('@/components/me/api', () => ({ meApi: { home: jest.fn() } }))

const { api } = jest.requireMock('@/services/api') as { api: { me: jest.Mock } }
const { meApi } = jest.requireMock('@/components/me/api') as { meApi: { home: jest.Mock } }
const Taro = jest.requireMock('@tarojs/taro').default as { navigateTo: jest.Mock }

async function renderAs(home: unknown) {
  forgetMe()
  api.me.mockReset()
  meApi.home.mockReset()
  meApi.home.mockResolvedValue(home)
  await act(async () => {
    render(<MePage />)
  })
}

const desk: DeskItem[] = [
  { key: 'member.queue', title: '入会审核', count: 2, url: '/packages/member/pages/queue/index', urgent: false },
  { key: 'opinion.overdue', title: '逾期意见', count: 1, url: '/packages/opinion/pages/inbox/index?filter=overdue', urgent: true },
]
const welfareTodo: WelfareTodoOutput = {
  today: '2026-11-22', birthdaysWeek: [], birthdaysMonth: [],
  followUps: [{ visitId: 'wv7', name: '蒋文华', visitDate: '2026-11-06', dueOn: '2026-11-20' }], plans: [], count: 1,
}

/** Another tab asking who I am after 我的 has loaded. */
function OtherTab() {
  const me = useMe()
  return <span>{me.data ? `other:${me.data.member?.name}` : 'other:…'}</span>
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
    meApi.home.mockRejectedValue(new CallError('network', '网络不通，请检查网络后重试'))
    await act(async () => {
      render(<MePage />)
    })
    expect(screen.getByText('网络不通，请检查网络后重试')).toBeTruthy()
    expect(screen.getByRole('switch')).toBeTruthy()
  })

  it('shows a committee member the 工作台 and the 慰问待办 from its one call, and other tabs ask nothing more', async () => {
    await renderAs({ ...meAs.committee, desk, welfareTodo })
    expect(meApi.home).toHaveBeenCalledTimes(1)
    expect(screen.getByText('入会审核', { selector: '.desk-line__title' })).toBeTruthy()
    expect(screen.getByText('1 · 已逾期')).toBeTruthy()
    expect(screen.getByText('蒋文华 住院回访（11月20日到期）')).toBeTruthy()
    fireEvent.click(screen.getByText('逾期意见'))
    expect(Taro.navigateTo).toHaveBeenCalledWith({ url: '/packages/opinion/pages/inbox/index?filter=overdue' })
    await act(async () => {
      render(<OtherTab />)
    })
    expect(screen.getByText('other:李强')).toBeTruthy()
    expect(api.me).not.toHaveBeenCalled()
  })

  it('shows who I am as another tab learned it at once, the 工作台 counting until member.home answers', async () => {
    forgetMe()
    shareMe(Promise.resolve(meAs.committee as MemberMeOutput))
    await act(async () => { await Promise.resolve() })
    meApi.home.mockReset()
    meApi.home.mockReturnValue(new Promise(() => undefined))
    await act(async () => {
      render(<MePage />)
    })
    expect(screen.getAllByText('李强').length).toBeGreaterThan(0)
    expect(screen.getByText('慰问记录')).toBeTruthy()
    expect(screen.getByText('正在统计待办…')).toBeTruthy()
    expect(meApi.home).toHaveBeenCalledTimes(1)
  })

  it('has no persona switch outside the local build', async () => {
    await renderAs(meAs.member)
    expect(screen.queryByText('切换身份')).toBeNull()
  })
})

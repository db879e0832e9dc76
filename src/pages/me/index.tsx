import { useRef } from 'react'
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { PageShell } from '@/components/page-shell/PageShell'
import { LoadingState } from '@/components/states/LoadingState'
import { ErrorState } from '@/components/states/ErrorState'
import { ProfileCard } from '@/components/me/ProfileCard'
import { JoinPrompt } from '@/components/me/JoinPrompt'
import { ApplicationNotice } from '@/components/member/ApplicationNotice'
import { CareModeSwitch } from '@/components/me/CareModeSwitch'
import { NavCell } from '@/components/common/NavCell'
import { WelfareTodo } from '@/components/welfare/WelfareTodo'
import { DeskCard } from '@/components/me/DeskCard'
import { PollEntry } from '@/components/poll/PollEntry'
import { CongressEntry } from '@/components/congress/CongressEntry'
import { PlanEntry } from '@/components/plan/PlanEntry'
import { useHome } from '@/components/me/useHome'
import { knownMe } from '@/hooks/useMe'
import { hasRole } from '../../../types/role'
// Platform file: the local build adds 切换身份; the weapp build renders nothing.
import { DevSwitchEntry } from '../../components/me/DevSwitchEntry'

/** 我的: who I am, my own things, and — for committee and chair — the union's work (one call, member.home). */
export default function MePage() {
  const home = useHome()
  // Who I am as another tab already learned it shows at once; the desk and 待办 come with member.home.
  const me = home.data ?? knownMe()
  // The first show is the first load; every later one (back from the work) reads the desk again.
  const shown = useRef(false)
  useDidShow(() => {
    if (shown.current) void home.reload()
    shown.current = true
  })
  usePullDownRefresh(() => {
    void home.reload().finally(() => Taro.stopPullDownRefresh())
  })
  const role = me?.role

  return (
    <PageShell>
      {!me && home.loading ? <LoadingState text='正在读取你的信息…' /> : null}
      {!me && home.error ? <ErrorState message={home.error.message} onRetry={home.error.retryable ? home.reload : undefined} /> : null}
      {me ? <ProfileCard me={me} /> : null}
      {me?.application ? <ApplicationNotice application={me.application} /> : null}
      {role && !hasRole(role, 'member') ? <JoinPrompt role={role} /> : null}
      {role && hasRole(role, 'committee') ? <DeskCard items={home.data?.desk} error={home.error?.message} /> : null}

      {role && hasRole(role, 'member') ? (
        <View>
          <Text className='me-group__label'>我的</Text>
          <View className='me-group'>
            <NavCell title='我的资料' url='/packages/member/pages/profile/index' />
            <NavCell title='我的报名' hint='报名、候补与签到码' url='/packages/activity/pages/mine/index' />
            <NavCell title='我的意见' hint='实名意见与本机保存的回执码' url='/packages/opinion/pages/mine/index' />
          </View>
        </View>
      ) : null}

      <PollEntry role={role} />
      <CongressEntry role={role} />
      <PlanEntry role={role} />

      {role && hasRole(role, 'committee') ? (
        <View>
          <WelfareTodo todo={home.data?.welfareTodo} />
          <Text className='me-group__label'>工会工作</Text>
          <View className='me-group'>
            <NavCell title='入会审核' url='/packages/member/pages/queue/index' />
            <NavCell title='会员名册' hint='搜索、导出' url='/packages/member/pages/directory/index' />
            <NavCell title='慰问记录' hint='送温暖台账' url='/packages/welfare/pages/list/index' />
          </View>
        </View>
      ) : null}

      {role === 'chair' ? (
        <View>
          <Text className='me-group__label'>主席管理</Text>
          <View className='me-group'>
            <NavCell title='加入方式与名册' hint='邀请码、名册导入、部门' url='/packages/member/pages/settings/index' />
            <NavCell title='操作日志' url='/packages/member/pages/audit/index' />
          </View>
        </View>
      ) : null}

      <Text className='me-group__label'>显示</Text>
      <View className='me-group'>
        <CareModeSwitch />
      </View>

      <DevSwitchEntry />
    </PageShell>
  )
}

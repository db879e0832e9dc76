import Taro, { usePullDownRefresh } from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { PageShell } from '@/components/page-shell/PageShell'
import { LoadingState } from '@/components/states/LoadingState'
import { ErrorState } from '@/components/states/ErrorState'
import { ProfileCard } from '@/components/me/ProfileCard'
import { JoinPrompt } from '@/components/me/JoinPrompt'
import { CareModeSwitch } from '@/components/me/CareModeSwitch'
import { NavCell } from '@/components/common/NavCell'
import { useMe } from '@/hooks/useMe'
import { hasRole } from '../../../types/role'
// Platform file: the local build adds 切换身份; the weapp build renders nothing.
import { DevSwitchEntry } from '../../components/me/DevSwitchEntry'

export default function MePage() {
  const me = useMe()
  usePullDownRefresh(() => {
    void me.reload().finally(() => Taro.stopPullDownRefresh())
  })
  const role = me.data?.role

  return (
    <PageShell>
      {me.loading ? <LoadingState text='正在读取你的信息…' /> : null}
      {me.error ? <ErrorState message={me.error.message} onRetry={me.error.retryable ? me.reload : undefined} /> : null}
      {me.data ? <ProfileCard me={me.data} /> : null}
      {role && !hasRole(role, 'member') ? <JoinPrompt role={role} /> : null}

      {role && hasRole(role, 'member') ? (
        <View>
          <Text className='me-group__label'>我的</Text>
          <View className='me-group'>
            <NavCell title='我的资料' url='/packages/member/pages/profile/index' />
          </View>
        </View>
      ) : null}

      {role && hasRole(role, 'committee') ? (
        <View>
          <Text className='me-group__label'>工会工作</Text>
          <View className='me-group'>
            <NavCell title='慰问记录' hint='送温暖台账' url='/packages/welfare/pages/list/index' />
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

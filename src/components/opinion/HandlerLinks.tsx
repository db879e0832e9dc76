import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { hasRole } from '../../../types/role'
import { NavCell } from '@/components/common/NavCell'
import { useMe } from '@/hooks/useMe'
import { askForOverdueReminder } from './subscriptions'
import './opinion.scss'

const INBOX = '/packages/opinion/pages/inbox/index'

/**
 * The handlers' way in. The chair's tap on 处理意见 is also the natural moment to accept one more
 * 08:00 reminder of overdue opinions (a one-time WeChat subscription is asked for on a tap).
 */
export function HandlerLinks() {
  const role = useMe().data?.role
  if (!role || !hasRole(role, 'committee')) return null
  if (role !== 'chair') {
    return <View className='op-links'><NavCell title='处理意见' hint='指派给我的' url={INBOX} /></View>
  }
  const openInbox = () => {
    askForOverdueReminder()
    void Taro.navigateTo({ url: INBOX })
  }
  return (
    <View className='op-links'>
      <View className='nav-cell' onClick={openInbox} data-open-inbox>
        <Text className='nav-cell__title'>处理意见</Text>
        <Text className='nav-cell__hint'>全部意见 · 超期时每天 8 点提醒你</Text>
        <Text className='nav-cell__arrow'>›</Text>
      </View>
      <NavCell title='意见统计与设置' url='/packages/opinion/pages/stats/index' />
    </View>
  )
}

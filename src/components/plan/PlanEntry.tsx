import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { NavCell } from '@/components/common/NavCell'
import '@/components/common/nav-cell.scss'
import { hasRole, type Role } from '../../../types/role'
import { askForPlanReminder } from './subscribe'

/** 我的 → 工作计划: the union's calendar for members; the plan, meetings and the year-end summary for the committee. */
export function PlanEntry({ role }: { role?: Role }) {
  if (!role || !hasRole(role, 'member')) return null
  const openPlan = () => {
    void askForPlanReminder()
    void Taro.navigateTo({ url: '/packages/plan/pages/plan/index' })
  }
  return (
    <View>
      <Text className='me-group__label'>工作计划</Text>
      <View className='me-group'>
        <NavCell title='工会日历' hint='活动、公示期满、公开的计划' url='/packages/plan/pages/calendar/index' />
        {hasRole(role, 'committee') ? (
          <View className='nav-cell' onClick={openPlan} data-testid='plan-entry'>
            <Text className='nav-cell__title'>年度工作计划</Text>
            <Text className='nav-cell__hint'>事项、负责人与进度</Text>
            <Text className='nav-cell__arrow'>›</Text>
          </View>
        ) : null}
        {hasRole(role, 'committee') ? <NavCell title='会议记录' hint='三会与委员会议' url='/packages/plan/pages/meetings/index' /> : null}
        {hasRole(role, 'committee') ? <NavCell title='工作总结与台帐' hint='年终总结、台帐归档' url='/packages/plan/pages/summary/index' /> : null}
      </View>
    </View>
  )
}

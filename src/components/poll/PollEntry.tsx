import { View, Text } from '@tarojs/components'
import { NavCell } from '@/components/common/NavCell'
import { hasRole, type Role } from '../../../types/role'

/** 我的 → 投票与测评: the polls a member may vote in; for committee and chair, organising them too. */
export function PollEntry({ role }: { role?: Role }) {
  if (!role || !hasRole(role, 'member')) return null
  return (
    <View>
      <Text className='me-group__label'>投票与测评</Text>
      <View className='me-group'>
        <NavCell title='我的投票' hint='民主测评、评选、票决（不记名）' url='/packages/poll/pages/list/index' />
        {hasRole(role, 'committee') ? <NavCell title='组织投票与测评' hint='发起、计票、公布结果' url='/packages/poll/pages/manage/index' /> : null}
      </View>
    </View>
  )
}

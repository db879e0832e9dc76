import { View, Text } from '@tarojs/components'
import { NavCell } from '@/components/common/NavCell'
import { hasRole, type Role } from '../../../types/role'

/**
 * 我的 → 教代会: the board for every member (every proposal, its answer and rating; 代表 write,
 * second and rate there; 承办人 find their cases there); the 提案工作台 for committee and chair
 * (a 提案工作委员会 member who is not on the union committee reaches it from the board). No call
 * is made here: the tab stays as fast as it was.
 */
export function CongressEntry({ role }: { role?: Role }) {
  if (!role || !hasRole(role, 'member')) return null
  return (
    <View>
      <Text className='me-group__label'>教代会</Text>
      <View className='me-group'>
        <NavCell title='教代会提案' hint='提案、附议、答复和满意度，全体会员可看' url='/packages/congress/pages/board/index' />
        {hasRole(role, 'committee') ? <NavCell title='提案工作台' hint='立案审查、交办、审核答复' url='/packages/congress/pages/desk/index' /> : null}
      </View>
    </View>
  )
}

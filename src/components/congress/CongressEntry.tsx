import { View, Text } from '@tarojs/components'
import { NavCell } from '@/components/common/NavCell'
import { useAsync } from '@/hooks/useAsync'
import { call } from '@/services/call'
import { myCongressOutput } from '../../../types/congress'
import { hasRole, type Role } from '../../../types/role'

/**
 * 我的 → 教代会: the board for every member; what waits for me (附议 invitations, answers to rate,
 * cases I handle); the 提案工作台 for the 提案工作委员会 and the chair.
 */
export function CongressEntry({ role }: { role?: Role }) {
  const member = !!role && hasRole(role, 'member')
  const mine = useAsync(`congress:mine:${member}`, () => (member ? call('congress', 'mine', {}, myCongressOutput) : Promise.resolve(null)))
  const m = mine.data
  if (!member || !m?.sessionId) return null
  const waiting = [m.invitations ? `${m.invitations} 件待附议` : '', m.toRate ? `${m.toRate} 件待评价` : '', m.handlerCases ? `${m.handlerCases} 件待答复` : ''].filter(Boolean).join('，')
  return (
    <View>
      <Text className='me-group__label'>教代会</Text>
      <View className='me-group'>
        <NavCell title={m.delegate ? '教代会提案（我是代表）' : '教代会提案'} hint={waiting || '提案、答复和满意度，全体会员可看'} url={`/packages/congress/pages/board/index?session=${m.sessionId}`} />
        {m.committee ? <NavCell title='提案工作台' hint='立案审查、交办、审核答复' url={`/packages/congress/pages/desk/index?session=${m.sessionId}`} /> : null}
      </View>
    </View>
  )
}

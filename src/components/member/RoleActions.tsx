import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { roleLabels, type MemberRole } from '../../../types/role'
import type { MemberProfile } from '../../../types/member'
import { AppButton } from '@/components/AppButton'
import { memberApi } from '@/services/member-api'
import { messageOf } from '@/services/call'
import { confirmAction } from './confirm'

/** What a role lets someone do, said in the confirmation. */
const WHAT_IT_MEANS: Record<Exclude<MemberRole, 'chair'>, string> = {
  committee: '委员可以审核入会申请、处理意见、管理活动和登记慰问。',
  member: 'TA 将只保留普通会员的权限，不能再做委员的工作。',
}

async function attempt(work: () => Promise<unknown>, done: string, after: () => void): Promise<void> {
  try {
    await work()
    void Taro.showToast({ title: done, icon: 'success' })
    after()
  } catch (err) {
    void Taro.showModal({ title: '没有成功', content: messageOf(err), showCancel: false })
  }
}

/**
 * The chair's role tools for one member: 会员 / 委员 chips (large, each asking once) and a separate
 * hand-over button — never a one-tap hand-over next to the other chips.
 */
export function RoleActions({ m, isMe, reload }: { m: MemberProfile; isMe: boolean; reload: () => void }) {
  const setRole = async (role: Exclude<MemberRole, 'chair'>) => {
    if (role === m.role) return
    const who = isMe ? '你自己' : m.name
    const ok = await confirmAction('调整身份', `把${who}的身份从「${roleLabels[m.role]}」改为「${roleLabels[role]}」？${WHAT_IT_MEANS[role]}`, '确认调整')
    if (ok) await attempt(() => memberApi.setRole(m.id, role), '身份已调整', reload)
  }
  const handOver = async () => {
    const ok = await confirmAction('移交主席', `把主席职务移交给 ${m.name}？移交后你将成为委员，此操作无法撤销。`, '确认移交')
    if (ok) await attempt(() => memberApi.handOver(m.id), '主席已移交', reload)
  }
  return (
    <View className='reason-box' data-card='role'>
      <Text className='member-row__meta'>{`现在的身份：${roleLabels[m.role]}`}</Text>
      <View className='role-chips' role='radiogroup'>
        {(['member', 'committee'] as const).map((r) => (
          <View key={r} className={`role-chip${m.role === r ? ' role-chip--on' : ''}`} role='radio' aria-checked={m.role === r} data-role={r} onClick={() => void setRole(r)}>
            <Text>{`设为${roleLabels[r]}`}</Text>
          </View>
        ))}
      </View>
      {!isMe && m.role !== 'chair' ? (
        <View className='form__actions'>
          <AppButton block variant='secondary' onClick={() => void handOver()}>把主席职务移交给 TA</AppButton>
        </View>
      ) : null}
    </View>
  )
}

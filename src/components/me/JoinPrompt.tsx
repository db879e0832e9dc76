import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import type { Role } from '../../../types/role'
import { AppButton } from '../AppButton'
import './me.scss'

/** Visitors and applicants see why and how to join instead of member features. */
interface Props {
  role: Role
  /** what joining unlocks on this page */
  reason?: string
}

export function JoinPrompt({ role, reason }: Props) {
  if (role === 'applicant') {
    return (
      <View className='join-prompt'>
        <Text className='join-prompt__title'>入会申请审核中</Text>
        <Text className='join-prompt__text'>工会委员审核通过后，你就能看到内部公开、提意见和报名活动。着急的话可以直接联系工会。</Text>
      </View>
    )
  }
  return (
    <View className='join-prompt'>
      <Text className='join-prompt__title'>你还不是工会会员</Text>
      <Text className='join-prompt__text'>{reason ?? '现在只能看对外公开的内容。申请加入后，可以看内部公开、提意见、报名活动。'}</Text>
      <AppButton block onClick={() => void Taro.navigateTo({ url: '/packages/member/pages/apply/index' })}>
        申请加入
      </AppButton>
    </View>
  )
}

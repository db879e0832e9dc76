import { useState } from 'react'
import { View, Text } from '@tarojs/components'
import type { MyRegistration } from '../../../../types/activity'
import { AppButton } from '@/components/AppButton'
import { registrationText } from '@/components/activity/activity-labels'
import { CheckinCode } from './CheckinCode'
import './form.scss'

interface Props {
  reg: MyRegistration
  busy: boolean
  onCancel: () => void
}

/** The member's own registration: state (候补 n), answers kept, cancel within policy, check-in code. */
export function RegistrationCard({ reg, busy, onCancel }: Props) {
  const [showCode, setShowCode] = useState(false)
  return (
    <View className='summary' data-testid='my-registration' data-state={reg.state}>
      <Text className='summary__line'>我的报名</Text>
      <Text className={`state-line state-line--${reg.state}`}>{registrationText(reg)}</Text>
      {reg.state === 'waitlisted' ? <Text className='summary__line'>有人取消时按候补顺序自动递补，递补成功会通知您。</Text> : null}
      {reg.guests > 0 ? <Text className='summary__line'>{`携带家属 ${reg.guests} 人`}</Text> : null}
      {reg.state === 'confirmed' && !reg.checkedInAt ? (
        showCode ? <CheckinCode activityId={reg.activityId} /> : (
          <View className='actions'><AppButton block onClick={() => setShowCode(true)}>出示签到码</AppButton></View>
        )
      ) : null}
      {reg.canCancel ? (
        <View className='actions'>
          <AppButton block variant='secondary' disabled={busy} onClick={onCancel}>{reg.state === 'waitlisted' ? '退出候补' : '取消报名'}</AppButton>
        </View>
      ) : null}
    </View>
  )
}

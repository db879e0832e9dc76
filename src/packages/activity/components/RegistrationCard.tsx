import { useState } from 'react'
import { View, Text } from '@tarojs/components'
import type { ActivityFieldDef, Answers, MyRegistration } from '../../../../types/activity'
import { AppButton } from '@/components/AppButton'
import { registrationText } from '@/components/activity/activity-labels'
import { ActivityCheckinCode } from './ActivityCheckinCode'
import { AnswersList } from './AnswersList'
import { SignupForm } from './SignupForm'
import './form.scss'

interface Props {
  reg: MyRegistration
  fields: ActivityFieldDef[]
  busy: boolean
  onCancel: () => void
  /** saves corrected answers against `reg.revision`; resolves true when saved */
  onEdit: (answers: Answers) => Promise<boolean>
  /** open the answer form at once (from 我的报名's 修改) */
  startEditing?: boolean
}

/** The member's own registration: state (候补第 n 位), their answers (correctable while sign-up is open), cancel within policy, check-in code. */
export function RegistrationCard({ reg, fields, busy, onCancel, onEdit, startEditing = false }: Props) {
  const [showCode, setShowCode] = useState(false)
  const [editing, setEditing] = useState(startEditing && reg.canEdit)
  const save = async (answers: Answers) => {
    if (await onEdit(answers)) setEditing(false)
  }
  return (
    <View className='summary' data-testid='my-registration' data-state={reg.state}>
      <Text className='summary__line'>我的报名</Text>
      <Text className={`state-line state-line--${reg.state}`}>{registrationText(reg)}</Text>
      {reg.state === 'waitlisted' ? <Text className='summary__line'>有人取消时按候补顺序自动递补，递补成功会通知您。</Text> : null}
      {reg.signedUpBy ? <Text className='summary__line'>{`由 ${reg.signedUpBy} 代为报名`}</Text> : null}
      {editing ? (
        <SignupForm activity={{ fields }} initial={reg.answers} askGuests={false} submitLabel='保存报名信息' busy={busy} error='' onSubmit={(answers) => void save(answers)} />
      ) : (
        <AnswersList fields={fields} answers={reg.answers} guests={reg.guests} />
      )}
      {reg.canEdit && !editing ? (
        <View className='actions'><AppButton block variant='secondary' disabled={busy} onClick={() => setEditing(true)}>修改报名信息</AppButton></View>
      ) : null}
      {reg.state === 'confirmed' && !reg.checkedInAt ? (
        showCode ? <ActivityCheckinCode activityId={reg.activityId} /> : (
          <View className='actions'><AppButton block onClick={() => setShowCode(true)}>出示签到码</AppButton></View>
        )
      ) : null}
      {reg.canCancel && !editing ? (
        <View className='actions'>
          <AppButton block variant='secondary' disabled={busy} onClick={onCancel}>{reg.state === 'waitlisted' ? '退出候补' : '取消报名'}</AppButton>
        </View>
      ) : null}
    </View>
  )
}

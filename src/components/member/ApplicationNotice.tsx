import { View, Text } from '@tarojs/components'
import type { MemberMeOutput } from '../../../types/member'
import './member.scss'

type Application = NonNullable<MemberMeOutput['application']>

/** Why someone who once applied is a visitor now: the rejection reason, or that they were removed. */
export function ApplicationNotice({ application }: { application: Application }) {
  const text = application.state === 'rejected'
    ? `上次入会申请未通过：${application.reason ?? '请联系工会了解原因'}。修改后可以重新提交。`
    : '你已不在工会会员名单中。如有疑问请联系工会，也可以重新申请。'
  return (
    <View className='application-notice' role='alert' data-application={application.state}>
      <Text>{text}</Text>
    </View>
  )
}

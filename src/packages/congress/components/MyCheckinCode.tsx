import { useState } from 'react'
import { View, Text } from '@tarojs/components'
import { AppButton } from '@/components/AppButton'
import { CheckinCode } from '@/components/checkin/CheckinCode'
import { congressApi } from '../api'

/**
 * 会议签到 on the board, for a 代表 or 列席 on the meeting day: the same rotating code as an activity
 * check-in (of the congress kind), shown when asked for so the refresh runs only while it is on screen.
 */
export function MyCheckinCode({ sessionId, guest }: { sessionId: string; guest: boolean }) {
  const [shown, setShown] = useState(false)
  return (
    <View className='cg-card' data-testid='my-checkin'>
      <Text className='cg-strong'>会议签到</Text>
      <Text className='cg-line'>{`今天开会。请到会场向提案工作委员会出示签到码${guest ? '（列席）' : ''}。`}</Text>
      {shown
        ? <CheckinCode codeKey={`congress:${sessionId}`} fetchCode={() => congressApi.checkinToken(sessionId)} hint='请向签到的工作人员出示此码。' />
        : <View className='cg-actions'><AppButton block onClick={() => setShown(true)}>我的签到码</AppButton></View>}
    </View>
  )
}

import { View, Image, Text } from '@tarojs/components'
import { qrDataUri } from '@/components/activity/qr'
import { useCheckinCode } from '@/hooks/useCheckinCode'
import './form.scss'

/**
 * The QR code the organiser scans. It changes every half minute and each code works once, so
 * a screenshot or a forwarded picture is of no use; the text under it is for pasting on a computer.
 */
export function CheckinCode({ activityId }: { activityId: string }) {
  const { token, error, refresh } = useCheckinCode(activityId, true)
  if (error) return <View className='qr'><Text className='field__error'>{error}</Text><Text className='link' onClick={() => void refresh()}>重新获取</Text></View>
  if (!token) return <View className='qr'><Text className='qr__hint'>正在生成签到码…</Text></View>
  return (
    <View className='qr' data-testid='checkin-code'>
      <Image className='qr__image' src={qrDataUri(token)} mode='aspectFit' />
      <Text className='qr__hint'>请向工作人员出示此码。签到码每 30 秒自动更新，截图无效。</Text>
      <Text className='qr__hint' selectable userSelect data-testid='checkin-token'>{token}</Text>
    </View>
  )
}

import { View, Image, Text } from '@tarojs/components'
import { useCheckinCode, type CheckinCodeAnswer } from '@/hooks/useCheckinCode'
import { qrDataUri } from './qr'
import '@/components/form/form.scss'
import './checkin.scss'

/**
 * The QR code the organiser scans (活动签到, 教代会签到). It changes every half minute and each code
 * works once, so a screenshot or a forwarded picture is of no use; the text under it is for pasting
 * on a computer. `codeKey` names what it is for; `fetchCode` asks the function for a fresh one.
 */
export function CheckinCode({ codeKey, fetchCode, hint = '请向工作人员出示此码。' }: { codeKey: string; fetchCode: () => Promise<CheckinCodeAnswer>; hint?: string }) {
  const { token, error, refresh } = useCheckinCode(codeKey, fetchCode, true)
  if (error) return <View className='qr'><Text className='field__error'>{error}</Text><Text className='link' onClick={() => void refresh()}>重新获取</Text></View>
  if (!token) return <View className='qr'><Text className='qr__hint'>正在生成签到码…</Text></View>
  return (
    <View className='qr' data-testid='checkin-code'>
      <Image className='qr__image' src={qrDataUri(token)} mode='aspectFit' />
      <Text className='qr__hint'>{`${hint}签到码每 30 秒自动更新，截图无效。`}</Text>
      <Text className='qr__hint' selectable userSelect data-testid='checkin-token'>{token}</Text>
    </View>
  )
}

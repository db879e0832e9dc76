import { useState } from 'react'
import { View, Text } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { AppButton } from '../AppButton'
import { askForNoticeReminders } from './subscribe'
import './unread-banner.scss'

/**
 * Shown to a member whose list has unread notices: how many, and a tap that asks for the
 * 未读提醒 subscription (the message the chair's 提醒未读 sends) at the moment it makes sense.
 */
export function UnreadBanner({ count, more }: { count: number; more: boolean }) {
  const [asked, setAsked] = useState(false)
  if (count === 0) return null
  const ask = async () => {
    setAsked(true)
    if (await askForNoticeReminders()) void Taro.showToast({ title: '好的，有公告未读时会提醒你', icon: 'none' })
  }
  return (
    <View className='unread-banner' data-section='unread'>
      <Text className='unread-banner__text'>{more ? '有你还没看的公告（标圆点的）' : `有 ${count} 条公告你还没看`}</Text>
      {asked ? null : <AppButton variant='secondary' onClick={() => void ask()}>有新公告时提醒我</AppButton>}
    </View>
  )
}

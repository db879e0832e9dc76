import { useState } from 'react'
import Taro from '@tarojs/taro'
import { View, Text, Switch } from '@tarojs/components'
import { formatCode } from '../../../../types/poll'
import { AppButton } from '@/components/AppButton'
import { forgetTracker, rememberTracker } from '../trackers'

/**
 * The tracker (核对码), shown this once. Nobody else can tell whose it is; with it the voter finds
 * their own ballot in the list published after the close. A shared device (评议码) never remembers it.
 */
export function TrackerCard({ pollId, tracker, shared }: { pollId: string; tracker: string; shared: boolean }) {
  const [remember, setRemember] = useState(false)
  const [copied, setCopied] = useState(false)
  const copy = async () => {
    try { await Taro.setClipboardData({ data: formatCode(tracker) }) } catch { /* the code stays on screen */ }
    setCopied(true)
  }
  const toggle = (on: boolean) => {
    setRemember(on)
    if (on) rememberTracker(pollId, tracker)
    else forgetTracker(pollId)
  }
  return (
    <View className='poll-card' data-testid='tracker-card'>
      <Text className='poll-title'>投票成功</Text>
      <Text className='poll-para'>这是你的选票核对码，只显示这一次。系统不记录它属于谁。投票结束后，可以在“选票核对”里用它找到自己的选票，确认已被计入。</Text>
      <Text className='poll-code' selectable data-tracker={tracker}>{formatCode(tracker)}</Text>
      {shared ? <Text className='poll-para poll-strong'>这是公用设备：请抄下核对码，然后点“下一位投票”。</Text> : (
        <View>
          <AppButton block variant='secondary' onClick={() => void copy()}>{copied ? '已复制' : '复制核对码'}</AppButton>
          <View className='poll-criterion'>
            <Text className='poll-row__label'>在本机记住核对码（拿到手机的人也能看到）</Text>
            <Switch checked={remember} color='#c8372d' onChange={(e) => toggle(e.detail.value)} data-remember />
          </View>
        </View>
      )}
    </View>
  )
}

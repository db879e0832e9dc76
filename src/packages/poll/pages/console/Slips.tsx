import { useState } from 'react'
import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import type { PollConsole } from '../../../../../types/poll'
import { AppButton } from '@/components/AppButton'
import { TextInput } from '@/components/form/TextInput'
import { useRequestId } from '@/hooks/useRequestId'
import { messageOf } from '@/services/call'
import { files } from '@/services/files'
import { pollApi } from '../../api'
import { tell } from '@/services/confirm'

/** 评议码 for voters without a smartphone: print unnamed slips, hand them out from 未投票名单, vote on a shared device. */
export function Slips({ poll, onChange }: { poll: PollConsole; onChange: () => void }) {
  const [count, setCount] = useState('10')
  const [requestId, renew] = useRequestId()
  const print = async () => {
    void Taro.showLoading({ title: '正在生成评议码…' })
    try {
      const file = await pollApi.printSlips(poll.id, Number(count) || 0, requestId)
      Taro.hideLoading()
      renew()
      onChange()
      await files.openFile(file.url, file.fileName)
    } catch (err) {
      Taro.hideLoading()
      tell('没有生成评议码', messageOf(err))
    }
  }
  const { printed, issued, used } = poll.slips
  return (
    <View className='poll-card' data-testid='slips'>
      <Text className='poll-item__name'>评议码（不用手机的投票人）</Text>
      <Text className='poll-line'>{`已打印 ${printed} 张，已发出 ${issued} 张，已使用 ${used} 张。纸条上不写姓名；在“未投票名单”里点“发码”登记发给了谁，这位会员就不能再用手机投票。`}</Text>
      <View className='poll-criterion'>
        <TextInput name='slip-count' type='number' value={count} onChange={setCount} maxlength={3} />
        <Text className='poll-person__action' onClick={() => void print()}>打印评议码</Text>
      </View>
      {poll.state === 'open' ? (
        <AppButton block variant='secondary' onClick={() => void Taro.navigateTo({ url: `/packages/poll/pages/ballot/index?id=${poll.id}&slip=1` })}>在本机用评议码投票（公用设备）</AppButton>
      ) : null}
    </View>
  )
}

import { useState } from 'react'
import Taro from '@tarojs/taro'
import { View, Text, Switch } from '@tarojs/components'
import { formatReceiptCode, type OpinionCategory } from '../../../types/opinion'
import { AppButton } from '../AppButton'
import { forgetReceipt, rememberReceipt } from './receipts'
import './opinion.scss'

interface Props {
  code: string
  category: OpinionCategory
  submittedOn: string
}

/** The receipt code, shown this once: copy it, and optionally remember it on this phone. */
export function ReceiptCard({ code, category, submittedOn }: Props) {
  const [remember, setRemember] = useState(false)
  const [copied, setCopied] = useState(false)
  async function copy() {
    try {
      await Taro.setClipboardData({ data: formatReceiptCode(code) })
    } catch {
      // Some browsers refuse the clipboard; the code stays on screen to copy by hand.
    }
    setCopied(true)
  }
  function toggle(on: boolean) {
    setRemember(on)
    if (on) rememberReceipt({ code, category, submittedOn })
    else forgetReceipt(code)
  }
  return (
    <View className='receipt'>
      <Text className='receipt__title'>匿名意见已提交</Text>
      <Text className='receipt__hint'>这是你的回执码，只显示这一次。工会不知道它属于谁，丢了也无法找回。</Text>
      <Text className='receipt__code' selectable data-receipt-code={code}>{formatReceiptCode(code)}</Text>
      <AppButton block onClick={() => void copy()}>{copied ? '已复制，请保存好' : '复制回执码'}</AppButton>
      <View className='receipt__remember'>
        <Text>在本机记住这个回执码（有答复时在“我的意见”里提醒）</Text>
        <Switch checked={remember} color='#c8372d' onChange={(e) => toggle(e.detail.value)} data-remember />
      </View>
      <Text className='receipt__hint'>不勾选也可以：凭回执码随时在“意见箱 → 凭回执码查看”里查进度。</Text>
    </View>
  )
}

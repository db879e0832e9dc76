import { useState } from 'react'
import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { formatReceiptCode, type OpinionCategory } from '../../../types/opinion'
import { AppButton } from '../AppButton'
import { forgetReceipt, rememberReceipt } from './receipts'
import './opinion.scss'

export interface ReceiptSaved {
  remembered: boolean
  copied: boolean
}

interface Props {
  code: string
  category: OpinionCategory
  submittedOn: string
  onChange: (saved: ReceiptSaved) => void
}

/**
 * The receipt code, shown this once, in large type (larger still, on two lines, in 关怀模式).
 * Remembering it on this phone is the first, recommended choice — still a choice the member makes
 * (design.md: opt-in) — and copying is the second. The page asks before leaving if neither was done.
 */
export function ReceiptCard({ code, category, submittedOn, onChange }: Props) {
  const [saved, setSaved] = useState<ReceiptSaved>({ remembered: false, copied: false })
  const update = (next: ReceiptSaved) => { setSaved(next); onChange(next) }
  const [first, second] = formatReceiptCode(code).split(/-(?=\w{4}-\w{4}$)/)

  async function copy() {
    try {
      await Taro.setClipboardData({ data: formatReceiptCode(code) })
    } catch {
      // Some browsers refuse the clipboard; the code stays on screen to write down.
    }
    update({ ...saved, copied: true })
  }
  function remember(on: boolean) {
    if (on) rememberReceipt({ code, category, submittedOn })
    else forgetReceipt(code)
    update({ ...saved, remembered: on })
  }

  return (
    <View className='receipt'>
      <Text className='receipt__title'>匿名意见已提交</Text>
      <Text className='receipt__hint'>这是你的回执码，只显示这一次。凭它查看答复、补充说明和评价。工会不知道它属于谁，丢了无法找回。</Text>
      <View className='receipt__code' data-receipt-code={code}>
        <Text className='receipt__code-half' selectable>{`${first}-`}</Text>
        <Text className='receipt__code-half' selectable>{second}</Text>
      </View>
      {saved.remembered ? (
        <View className='receipt__saved' data-remembered-note>
          <Text>✓ 已记在这台手机上：在「意见箱 → 我的意见」里直接看进度，有新答复会提醒。</Text>
          <Text className='receipt__undo' onClick={() => remember(false)}>不要记在这台手机上</Text>
        </View>
      ) : (
        <View>
          <AppButton block onClick={() => remember(true)}>记在这台手机上（推荐）</AppButton>
          <Text className='receipt__hint'>记住后不用抄写；拿着这台手机的人也能看到这条意见。</Text>
        </View>
      )}
      <AppButton block variant='secondary' onClick={() => void copy()}>{saved.copied ? '已复制，请另存好' : '复制回执码'}</AppButton>
      <Text className='receipt__hint'>也可以抄在纸上：以后在「意见箱 → 凭回执码查看」输入即可。</Text>
    </View>
  )
}

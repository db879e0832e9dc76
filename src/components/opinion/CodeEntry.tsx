import { useState } from 'react'
import { View, Input } from '@tarojs/components'
import { AppButton } from '../AppButton'
import './opinion.scss'

/** Type or paste a receipt code (spaces, dashes and lower case are fine). */
export function CodeEntry({ onOpen, busy }: { onOpen: (code: string) => void; busy?: boolean }) {
  const [code, setCode] = useState('')
  return (
    <View className='code-entry'>
      <Input className='code-entry__input' value={code} placeholder='输入 16 位回执码' maxlength={24} onInput={(e) => setCode(e.detail.value)} data-code-input />
      <View className='code-entry__button'>
        <AppButton disabled={busy || code.trim().length < 16} onClick={() => onOpen(code.trim())}>查看</AppButton>
      </View>
    </View>
  )
}

import { useState } from 'react'
import { View, Text, Textarea } from '@tarojs/components'
import { AppButton } from '../AppButton'
import { messageOf } from '@/services/call'
import './opinion.scss'

interface Props {
  placeholder: string
  submitLabel: string
  maxlength?: number
  initial?: string
  /** resolves when sent; a rejection's message is shown under the box */
  onSubmit: (text: string) => Promise<void>
  name?: string
  variant?: 'primary' | 'secondary'
}

/** A text box with a send button; keeps the text if sending fails, clears it when sent. */
export function MessageBox({ placeholder, submitLabel, maxlength = 500, initial = '', onSubmit, name, variant }: Props) {
  const [text, setText] = useState(initial)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState('')
  async function send() {
    if (!text.trim()) { setError('请先写点内容'); return }
    setBusy(true)
    setError('')
    try {
      await onSubmit(text.trim())
      setText('')
    } catch (err) {
      setError(messageOf(err))
    } finally {
      setBusy(false)
    }
  }
  return (
    <View className='message-box' data-box={name}>
      <Textarea className='message-box__input' value={text} placeholder={placeholder} maxlength={maxlength} onInput={(e) => setText(e.detail.value)} />
      <Text className='message-box__count'>{`${[...text].length}/${maxlength}`}</Text>
      {error ? <View className='form-error' role='alert'>{error}</View> : null}
      <AppButton block variant={variant} disabled={busy} onClick={() => void send()}>{busy ? '正在提交…' : submitLabel}</AppButton>
    </View>
  )
}

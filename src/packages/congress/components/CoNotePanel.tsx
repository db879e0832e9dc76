import { useState } from 'react'
import { View, Text, Textarea } from '@tarojs/components'
import { Field } from '@/components/form/Field'
import { AppButton } from '@/components/AppButton'

/**
 * For a 协办人 while the 主办 writes the answer: their 协办意见, written once and corrected after
 * (the function keeps what a correction replaced). The answer itself is the 承办人's.
 */
export function CoNotePanel({ mine, busy, onSave }: { mine: { text: string; revision: number } | null; busy: boolean; onSave: (text: string, revision?: number) => void }) {
  const [text, setText] = useState(mine?.text ?? '')
  return (
    <View className='cg-card' data-testid='co-note'>
      <Text className='cg-strong'>协办意见</Text>
      <Text className='cg-line'>你是这件提案的协办人：请把本部门的意见写给承办人，由承办人统一答复。</Text>
      <Field label={mine ? '修改协办意见' : '协办意见'} required>
        <Textarea className='cg-textarea' data-field='co-note' value={text} maxlength={1000} onInput={(e) => setText(e.detail.value)} />
      </Field>
      <AppButton block disabled={!text.trim() || text.trim() === mine?.text || busy} onClick={() => onSave(text.trim(), mine?.revision)}>{mine ? '保存修改' : '提交协办意见'}</AppButton>
    </View>
  )
}

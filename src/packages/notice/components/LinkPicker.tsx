import { useState } from 'react'
import { View, Text } from '@tarojs/components'
import type { NoticeLink } from '../../../../types/notice'
import { noticeApi } from '@/components/notice/api'
import { messageOf } from '@/services/call'
import { formatDate } from '@/utils/time'
import { EditorChoice } from './EditorField'
import './editor.scss'

type Choice = NoticeLink & { when: string }

/**
 * 关联活动: the activity this notice announces, so readers get a "去报名" button. The list of
 * activities is fetched when the committee member opens the choice (not on every editor open).
 */
export function LinkPicker({ value, onChange }: { value: NoticeLink | null; onChange: (link: NoticeLink | null) => void }) {
  const [choices, setChoices] = useState<Choice[] | null>(null)
  const [error, setError] = useState('')
  const load = async () => {
    try {
      const { items } = await noticeApi.activities()
      setChoices(items.filter((a) => a.state !== 'cancelled' && a.state !== 'finished')
        .map((a) => ({ kind: 'activity' as const, id: a.id, title: a.title, when: formatDate(a.startAt) })))
    } catch (err) {
      setError(messageOf(err))
    }
  }
  if (!choices) {
    return (
      <View>
        {value ? <Text className='editor-field__hint'>{`已关联：${value.title}`}</Text> : null}
        <View className='blocks__add'>
          <Text className='blocks__add-item' onClick={() => void load()} data-add='link'>{value ? '更换或取消关联' : '选择要报名的活动'}</Text>
        </View>
        {error ? <Text className='editor-field__error'>{error}</Text> : null}
      </View>
    )
  }
  const all = value && !choices.some((c) => c.id === value.id) ? [{ ...value, when: '' }, ...choices] : choices
  const labels = Object.fromEntries([['none', '不关联'], ...all.map((c) => [c.id, c.when ? `${c.title}（${c.when}）` : c.title])])
  return (
    <EditorChoice
      name='link'
      options={['none', ...all.map((c) => c.id)]}
      labels={labels}
      value={value?.id ?? 'none'}
      onChange={(id) => onChange(all.find((c) => c.id === id) ? { kind: 'activity', id, title: all.find((c) => c.id === id)!.title } : null)}
    />
  )
}

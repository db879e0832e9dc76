import { useState } from 'react'
import { View, Text, Input } from '@tarojs/components'
import type { WelfarePerson } from '../../../../types/welfare'
import { welfareApi } from '@/components/welfare/api'
import { messageOf } from '@/services/call'
import './form.scss'

/** Finds a recipient on the roster by name; the chosen person is shown with their department. */
export function PersonSearch({ chosen, onChoose }: { chosen: WelfarePerson | null; onChoose: (p: WelfarePerson | null) => void }) {
  const [keyword, setKeyword] = useState('')
  const [found, setFound] = useState<WelfarePerson[] | null>(null)
  const [error, setError] = useState('')
  const search = async (text: string) => {
    setKeyword(text)
    if (!text.trim()) return setFound(null)
    try {
      setFound((await welfareApi.people(text.trim(), 'recipient')).items)
      setError('')
    } catch (err) {
      setError(messageOf(err))
    }
  }
  if (chosen) {
    return (
      <View className='person' data-chosen={chosen.name}>
        <Text className='person__name'>{chosen.name}</Text>
        {chosen.department ? <Text className='person__meta'>{`${chosen.department} · ${chosen.status}${chosen.hardship ? ' · 困难' : ''}`}</Text> : null}
        <Text className='link person__action' onClick={() => onChoose(null)}>重新选择</Text>
      </View>
    )
  }
  return (
    <View>
      <Input className='input' placeholder='输入姓名查找会员' value={keyword} onInput={(e) => void search(e.detail.value)} data-testid='recipient-search' />
      {error ? <Text className='field__error'>{error}</Text> : null}
      {found?.length === 0 ? <Text className='field__hint'>名单里没有找到，可改为“非会员”直接填写姓名</Text> : null}
      {found?.map((p) => (
        <View key={p.id} className='person' onClick={() => onChoose(p)} data-person={p.name}>
          <Text className='person__name'>{p.name}</Text>
          <Text className='person__meta'>{`${p.department} · ${p.status}`}</Text>
          <Text className='link person__action'>选择</Text>
        </View>
      ))}
    </View>
  )
}

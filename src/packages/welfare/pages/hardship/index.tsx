import { useState } from 'react'
import Taro from '@tarojs/taro'
import { View, Text, Input } from '@tarojs/components'
import type { WelfarePerson } from '../../../../../types/welfare'
import { PageShell } from '@/components/page-shell/PageShell'
import { LoadingState } from '@/components/states/LoadingState'
import { ErrorState } from '@/components/states/ErrorState'
import { welfareApi } from '@/components/welfare/api'
import { useAsync } from '@/hooks/useAsync'
import { messageOf } from '@/services/call'
import '../../components/form.scss'

/**
 * 困难职工: who is marked, and marking or unmarking someone found by name (each change is in the
 * audit log). The mark only feeds holiday plans and is never disclosed.
 */
export default function WelfareHardshipPage() {
  const marked = useAsync('welfare-hardship', () => welfareApi.people('', 'hardship'))
  const [keyword, setKeyword] = useState('')
  const [found, setFound] = useState<WelfarePerson[]>([])
  const search = async (text: string) => {
    setKeyword(text)
    setFound(text.trim() ? (await welfareApi.people(text.trim(), 'recipient').catch(() => ({ items: [] }))).items : [])
  }
  const toggle = async (p: WelfarePerson) => {
    try {
      await welfareApi.setHardship(p.id, !p.hardship)
      void Taro.showToast({ title: p.hardship ? '已取消标记' : '已标记为困难职工', icon: 'none' })
      await marked.reload()
      if (keyword) await search(keyword)
    } catch (err) {
      void Taro.showModal({ title: '没有保存', content: messageOf(err), showCancel: false })
    }
  }
  const row = (p: WelfarePerson) => (
    <View key={p.id} className='person' data-person={p.name}>
      <Text className='person__name'>{p.name}</Text>
      <Text className='person__meta'>{`${p.department} · ${p.status}`}</Text>
      <Text className='link person__action' onClick={() => void toggle(p)}>{p.hardship ? '取消标记' : '标记困难'}</Text>
    </View>
  )
  if (marked.error) return <PageShell><ErrorState message={marked.error.message} onRetry={marked.error.retryable ? marked.reload : undefined} /></PageShell>
  if (!marked.data) return <PageShell><LoadingState text='正在加载…' /></PageShell>
  return (
    <PageShell>
      <Text className='section-title'>{`已标记 ${marked.data.items.length} 人`}</Text>
      <View className='form'>
        {marked.data.items.length ? marked.data.items.map(row) : <Text className='muted'>还没有标记困难职工</Text>}
      </View>
      <Text className='section-title'>查找会员</Text>
      <View className='form'>
        <Input className='input' placeholder='输入姓名' value={keyword} onInput={(e) => void search(e.detail.value)} />
        {found.map(row)}
      </View>
      <View className='muted actions'><Text>“困难职工”只用于生成节日慰问名单，不会出现在经费公开里。</Text></View>
    </PageShell>
  )
}

import { useState } from 'react'
import { View } from '@tarojs/components'
import { ListBody } from '../common/ListBody'
import { usePublicQa, useMyOpinions } from '@/hooks/useOpinions'
import { usePageRefresh } from '@/hooks/usePageRefresh'
import { QaItem } from './QaItem'
import { MyOpinionItem } from './MyOpinionItem'
import { PublicStats } from './PublicStats'
import './opinion.scss'
import '@/components/form/segmented.scss'

type Tab = 'qa' | 'mine'
const tabs: Array<{ key: Tab; label: string }> = [
  { key: 'qa', label: '公开答复' },
  { key: 'mine', label: '我的意见' },
]

function PublicQa() {
  const list = usePublicQa()
  usePageRefresh([list.reload], list.loadMore)
  return (
    <View>
      <PublicStats />
      <ListBody
      list={list}
      loadingText='正在加载公开答复…'
      empty={{ title: '还没有公开的答复', hint: '工会把有代表性的意见和答复公开后，会显示在这里' }}
      renderItem={(qa) => <QaItem key={qa.id} qa={qa} />}
      />
    </View>
  )
}

function MyOpinions() {
  const list = useMyOpinions()
  usePageRefresh([list.reload], list.loadMore)
  return (
    <ListBody
      list={list}
      loadingText='正在加载我的意见…'
      empty={{ title: '你还没有署名提过意见', hint: '匿名意见不会出现在这里：请用提交时拿到的回执码查看进度' }}
      renderItem={(o) => <MyOpinionItem key={o.id} opinion={o} />}
    />
  )
}

/** Members' part of 意见箱: published Q&A and my named opinions, one list at a time. */
export function OpinionLists() {
  const [tab, setTab] = useState<Tab>('qa')
  return (
    <View>
      <View className='segmented' role='tablist'>
        {tabs.map((t) => (
          <View
            key={t.key}
            className={`segmented__item${tab === t.key ? ' segmented__item--active' : ''}`}
            onClick={() => setTab(t.key)}
            role='tab'
            aria-selected={tab === t.key}
            data-tab={t.key}
          >
            {t.label}
          </View>
        ))}
      </View>
      {tab === 'qa' ? <PublicQa /> : <MyOpinions />}
    </View>
  )
}

import { useState } from 'react'
import { useDidShow, useRouter } from '@tarojs/taro'
import { Text } from '@tarojs/components'
import { inboxFilters, type InboxFilter } from '../../../../../types/opinion'
import { PageShell } from '@/components/page-shell/PageShell'
import { FilterChips } from '@/components/common/FilterChips'
import { ListBody } from '@/components/common/ListBody'
import { InboxCard } from '@/components/opinion/InboxCard'
// Platform file: DemoBatchLink.h5.tsx (local demo) or DemoBatchLink.tsx (nothing, WeChat).
import { DemoBatchLink } from '@/components/opinion/DemoBatchLink'
import { useOpinionInbox } from '@/hooks/useOpinions'
import { useMe } from '@/hooks/useMe'
import { usePageRefresh } from '@/hooks/usePageRefresh'
import '@/components/opinion/opinion.scss'

const labels: Record<InboxFilter, string> = {
  open: '未办结', pending: '待受理', processing: '处理中', replied: '已答复', closed: '已办结', rejected: '不予受理', held: '待审核', overdue: '已超期',
}
const byLabel = Object.fromEntries(inboxFilters.map((f) => [labels[f], f])) as Record<string, InboxFilter>

/** 处理意见: the chair sees every released item; a committee member only those assigned to them. */
export default function OpinionInboxPage() {
  const { params } = useRouter()
  const [filter, setFilter] = useState<InboxFilter>((inboxFilters as readonly string[]).includes(params.filter ?? '') ? (params.filter as InboxFilter) : 'open')
  const list = useOpinionInbox(filter)
  const me = useMe()
  usePageRefresh([list.reload], list.loadMore)
  useDidShow(() => void list.reload())
  const chair = me.data?.role === 'chair'
  const options = inboxFilters.filter((f) => f !== 'open' && (chair || f !== 'held')).map((f) => labels[f])
  return (
    <PageShell>
      <FilterChips options={options} value={filter === 'open' ? undefined : labels[filter]} allLabel='未办结' onChange={(l) => setFilter(l ? byLabel[l] : 'open')} />
      <Text className='op-note'>
        {chair ? '匿名意见在提交后的第二天统一出现在这里（每日一批），看不出是谁、何时提交的。' : '这里只显示主席指派给你的意见。'}
      </Text>
      {chair ? <DemoBatchLink /> : null}
      <ListBody
        list={list}
        loadingText='正在加载意见…'
        empty={{ title: '这里没有意见', hint: filter === 'open' ? '所有意见都已办结' : '换个筛选看看' }}
        renderItem={(o) => <InboxCard key={o.id} item={o} />}
      />
    </PageShell>
  )
}

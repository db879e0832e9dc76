import { useRef, useState } from 'react'
import Taro, { useDidShow, useRouter } from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import type { ProposalItem, ProposalState } from '../../../../../types/congress'
import { PageShell } from '@/components/page-shell/PageShell'
import { ListBody } from '@/components/common/ListBody'
import { FilterChips } from '@/components/common/FilterChips'
import { LoadingState } from '@/components/states/LoadingState'
import { ErrorState } from '@/components/states/ErrorState'
import { EmptyState } from '@/components/states/EmptyState'
import { AppButton } from '@/components/AppButton'
import { usePageRefresh } from '@/hooks/usePageRefresh'
import { Figures } from '../../components/Figures'
import { MyCheckinCode } from '../../components/MyCheckinCode'
import { ProposalRow } from '../../components/ProposalRow'
import { SessionRecord } from '../../components/SessionRecord'
import { useBoard } from '../../hooks/useBoard'
import { askForDelegateMessages } from '../../subscribe'
import '../../congress.scss'

const go = (url: string) => void Taro.navigateTo({ url })
const remindMe = async () => {
  if (await askForDelegateMessages()) void Taro.showToast({ title: '好的，会按时提醒你', icon: 'none' })
}
const FILTERS = ['我的', '办理中', '待评价', '已办结'] as const
type Filter = (typeof FILTERS)[number]
const FILTER_STATE: Partial<Record<string, ProposalState>> = { 办理中: 'assigned', 待评价: 'rating', 已办结: 'closed' }

/**
 * 教代会提案 (session board): every member sees every proposal of the session, its state, the
 * answer and the rating, with the 条条有答复 figures on top. 代表 start a proposal here.
 */
export default function CongressBoardPage() {
  const { params } = useRouter()
  const [filter, setFilter] = useState<Filter | undefined>(undefined)
  const { session: s, list } = useBoard(params.session, { state: filter ? FILTER_STATE[filter] : undefined, mine: filter === '我的' })
  usePageRefresh([list.reload], list.loadMore)
  // The first show is the first load; every later one (back from a proposal) asks again.
  const shown = useRef(false)
  useDidShow(() => {
    if (shown.current) void list.reload()
    shown.current = true
  })

  if (s === undefined && list.loading) return <PageShell><LoadingState text='正在加载教代会…' /></PageShell>
  if (s === undefined && list.error) return <PageShell><ErrorState message={list.error.message} onRetry={list.reload} /></PageShell>
  if (!s) {
    return (
      <PageShell>
        <EmptyState title='还没有教代会' hint='主席建立会议后，这里会显示提案和办理情况'
          action={<AppButton variant='secondary' onClick={() => go('/packages/congress/pages/session/index')}>建立会议（主席）</AppButton>} />
      </PageShell>
    )
  }
  const sessionId = s.id
  const open = (p: ProposalItem) => go(`/packages/congress/pages/proposal/index?id=${p.id}`)
  return (
    <PageShell>
      <View className='cg-card'>
        <Text className='cg-title'>{s.title}</Text>
        <Text className='cg-line'>{`开会 ${s.meetingDate} · 提案征集 ${s.collectFrom} 至 ${s.collectTo}${s.collecting ? '（征集中）' : ''}`}</Text>
        <Text className='cg-line'>{`代表 ${s.delegates} 人${s.guests ? ` · 列席 ${s.guests} 人` : ''} · 每件提案至少 ${s.minSeconds} 位代表附议`}</Text>
        {s.me.delegate ? <Text className='cg-line'>你是本届代表</Text> : null}
        {s.me.delegate ? <Text className='cg-link' data-testid='subscribe-delegate' onClick={() => void remindMe()}>提醒我：征集开始、即将截止和附议邀请</Text> : null}
      </View>
      {s.congressDay && (s.me.delegate || s.me.guest) ? <MyCheckinCode sessionId={sessionId} guest={s.me.guest} /> : null}
      <SessionRecord s={s} />
      <Figures f={s.figures} />
      <View className='cg-links'>
        {s.me.committee ? <Text className='cg-link' onClick={() => go(`/packages/congress/pages/desk/index?session=${sessionId}`)}>提案工作台</Text> : null}
        {s.me.chair ? <Text className='cg-link' onClick={() => go(`/packages/congress/pages/session/index?session=${sessionId}`)}>会议设置</Text> : null}
        {s.me.handler ? <Text className='cg-link' onClick={() => setFilter('我的')}>我承办的提案</Text> : null}
      </View>
      {s.me.delegate && s.collecting ? (
        <View className='cg-actions'><AppButton block onClick={() => go(`/packages/congress/pages/edit/index?session=${sessionId}`)}>写提案</AppButton></View>
      ) : null}
      <FilterChips options={FILTERS} value={filter} onChange={setFilter} />
      <ListBody
        list={list}
        loadingText='正在加载提案…'
        empty={{ title: '这里还没有提案', hint: '代表提交的提案都会公开在这里' }}
        renderItem={(p) => <ProposalRow key={p.id} p={p} onOpen={open} />}
      />
    </PageShell>
  )
}

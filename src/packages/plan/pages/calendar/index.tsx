import { useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { itemStatusLabels, type CalendarOutput } from '../../../../../types/plan'
import { PageShell } from '@/components/page-shell/PageShell'
import { LoadingState } from '@/components/states/LoadingState'
import { ErrorState } from '@/components/states/ErrorState'
import { EmptyState } from '@/components/states/EmptyState'
import { Tag } from '@/components/common/Tag'
import { planApi } from '@/components/plan/api'
import { useAsync } from '@/hooks/useAsync'
import { usePageRefresh } from '@/hooks/usePageRefresh'
import { formatDay, todayShanghai } from '@/utils/time'
import { stepMonth } from '../../components/status'
import { MonthGrid } from '../../components/MonthGrid'
import '@/components/form/segmented.scss'
import '../../components/plan.scss'

type Entry = CalendarOutput['entries'][number]
const KIND: Record<Entry['kind'], string> = { activity: '活动', publicityEnd: '公示', congress: '教代会', item: '计划', meeting: '会议', birthday: '生日', followUp: '回访' }

/**
 * The month as a grid (a tap on a day lists that day) or as a list of days — the list reads best on
 * small screens and in 关怀模式. Members see published activities, 公示期 ends and public plan items;
 * the committee sees everything.
 */
export default function CalendarPage() {
  const today = todayShanghai()
  const [month, setMonth] = useState(useRouter().params.month ?? today.slice(0, 7))
  const [view, setView] = useState<'grid' | 'list'>('grid')
  const [selected, setSelected] = useState<string | null>(null)
  const cal = useAsync(`calendar-${month}`, () => planApi.calendar(month))
  usePageRefresh([cal.reload])
  const entries = cal.data?.entries ?? []
  const counts = new Map<string, number>()
  for (const e of entries) if (e.date) counts.set(e.date, (counts.get(e.date) ?? 0) + 1)
  const shown = view === 'grid' && selected ? entries.filter((e) => e.date === selected) : entries
  const days = [...new Set(shown.map((e) => e.date ?? ''))]
  const go = (by: number) => { setMonth(stepMonth(month, by)); setSelected(null) }
  return (
    <PageShell>
      <View className='plan-bar'>
        <Text className='plan-bar__step' onClick={() => go(-1)}>‹ 上月</Text>
        <Text className='plan-bar__title'>{`${Number(month.slice(0, 4))}年${Number(month.slice(5))}月`}</Text>
        <Text className='plan-bar__step' onClick={() => go(1)}>下月 ›</Text>
      </View>
      <View className='segmented' role='tablist'>
        {(['grid', 'list'] as const).map((v) => (
          <View key={v} className={`segmented__item${view === v ? ' segmented__item--active' : ''}`} role='tab' aria-selected={view === v} data-view={v} onClick={() => setView(v)}>
            {v === 'grid' ? '月历' : '列表'}
          </View>
        ))}
      </View>
      {view === 'grid' ? <MonthGrid month={month} today={today} counts={counts} selected={selected} onSelect={setSelected} /> : null}
      {cal.loading ? <LoadingState text='正在读取日历…' /> : null}
      {cal.error ? <ErrorState message={cal.error.message} onRetry={cal.reload} /> : null}
      {cal.data && shown.length === 0 ? <EmptyState title={selected && view === 'grid' ? '这一天没有安排' : '这个月没有安排'} hint={selected && view === 'grid' ? '点其他日期，或再点一次看全月' : '看看上月或下月'} /> : null}
      {days.map((d) => (
        <View key={d || 'month'}>
          <Text className='plan-month'>{d ? formatDay(d) : '本月内'}</Text>
          {shown.filter((e) => (e.date ?? '') === d).map((e, n) => (
            <View key={`${e.kind}-${e.title}-${n}`} className='plan-row' data-entry={e.title} onClick={() => e.url && void Taro.navigateTo({ url: e.url })}>
              <Text className='plan-row__title'>{e.title}</Text>
              <Tag tone={e.kind === 'activity' ? 'info' : 'neutral'}>{e.status ? itemStatusLabels[e.status] : KIND[e.kind]}</Tag>
            </View>
          ))}
        </View>
      ))}
    </PageShell>
  )
}

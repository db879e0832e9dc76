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
import '../../components/plan.scss'

type Entry = CalendarOutput['entries'][number]
const KIND: Record<Entry['kind'], string> = { activity: '活动', publicityEnd: '公示', item: '计划', meeting: '会议', birthday: '生日' }

/**
 * The month as a list of days (readable in 关怀模式 and on small screens): members see published
 * activities, 公示期 ends and public plan items; the committee sees everything.
 */
export default function CalendarPage() {
  const [month, setMonth] = useState(useRouter().params.month ?? todayShanghai().slice(0, 7))
  const cal = useAsync(`calendar-${month}`, () => planApi.calendar(month))
  usePageRefresh([cal.reload])
  const days = cal.data ? [...new Set(cal.data.entries.map((e) => e.date ?? ''))] : []
  return (
    <PageShell>
      <View className='plan-bar'>
        <Text className='plan-bar__step' onClick={() => setMonth(stepMonth(month, -1))}>‹ 上月</Text>
        <Text className='plan-bar__title'>{`${Number(month.slice(0, 4))}年${Number(month.slice(5))}月`}</Text>
        <Text className='plan-bar__step' onClick={() => setMonth(stepMonth(month, 1))}>下月 ›</Text>
      </View>
      {cal.loading ? <LoadingState text='正在读取日历…' /> : null}
      {cal.error ? <ErrorState message={cal.error.message} onRetry={cal.reload} /> : null}
      {cal.data && cal.data.entries.length === 0 ? <EmptyState title='这个月没有安排' hint='看看上月或下月' /> : null}
      {days.map((d) => (
        <View key={d || 'month'}>
          <Text className='plan-month'>{d ? formatDay(d) : '本月内'}</Text>
          {cal.data!.entries.filter((e) => (e.date ?? '') === d).map((e, n) => (
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

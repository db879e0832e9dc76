import { View, Text } from '@tarojs/components'
import type { MonthRange } from '../../../types/opinion'
import { usePublicOpinionStats } from '@/hooks/useOpinions'
import { StatsBars, days, percent } from './StatsBars'
import './opinion.scss'

const monthLabel = (r: MonthRange) => {
  const m = (ym: string) => `${Number(ym.slice(5))}月`
  return r.from === r.to ? m(r.from) : `${m(r.from)}—${m(r.to)}`
}

/**
 * Members' figures for this year: each category's real total; months with fewer than 5 items are
 * shown together with their neighbours (a lone month could point at someone) — said in one line.
 */
export function PublicStats() {
  const { data: s } = usePublicOpinionStats()
  if (!s) return null
  if (s.total === 0) return <Text className='op-note'>{`${s.year} 年还没有意见。`}</Text>
  return (
    <View className='op-section' data-public-stats>
      <Text className='op-section__title'>{`${s.year} 年意见箱：共 ${s.total} 条，答复率 ${percent(s.replyRate)}，答复用时中位数 ${days(s.medianDaysToReply)}${s.satisfiedShare === null ? '' : `，满意 ${percent(s.satisfiedShare)}`}`}</Text>
      <StatsBars rows={s.byCategory} />
      {s.byMonth.length ? (
        <View data-public-months>
          <Text className='op-form__label'>按月份</Text>
          <StatsBars rows={s.byMonth.map((r) => ({ key: monthLabel(r), count: r.count }))} />
        </View>
      ) : null}
      <Text className='op-form__hint' data-merge-note>
        {s.monthsMerged ? '各类别是全年实数；不足 5 条的月份与相邻月份合并显示，以免指向个人。' : '各类别、各月份都是实数；不足 5 条的月份会与相邻月份合并显示。'}
      </Text>
    </View>
  )
}

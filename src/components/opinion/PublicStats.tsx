import { View, Text } from '@tarojs/components'
import { usePublicOpinionStats } from '@/hooks/useOpinions'
import { StatsBars, days, percent } from './StatsBars'
import './opinion.scss'

/** Members' figures for this year; any group under 5 is merged by the function. */
export function PublicStats() {
  const { data: s } = usePublicOpinionStats()
  if (!s) return null
  if (s.total === null) return <Text className='op-note'>{`${s.year} 年的意见还不到 5 条，暂不公布统计。`}</Text>
  return (
    <View className='op-section' data-public-stats>
      <Text className='op-section__title'>{`${s.year} 年意见箱：共 ${s.total} 条，答复率 ${percent(s.replyRate)}，答复用时中位数 ${days(s.medianDaysToReply)}${s.satisfiedShare === null ? '' : `，满意 ${percent(s.satisfiedShare)}`}`}</Text>
      <StatsBars rows={s.byCategory} />
      <Text className='op-form__hint'>少于 5 条的类别合并显示，避免指向个别人。</Text>
    </View>
  )
}

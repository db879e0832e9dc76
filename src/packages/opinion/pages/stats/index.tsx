import { useState } from 'react'
import { View, Text } from '@tarojs/components'
import { opinionRatingLabels } from '../../../../../types/opinion'
import { PageShell } from '@/components/page-shell/PageShell'
import { LoadingState } from '@/components/states/LoadingState'
import { ErrorState } from '@/components/states/ErrorState'
import { AppButton } from '@/components/AppButton'
import { StatsBars, days, percent } from '@/components/opinion/StatsBars'
import { opinionApi } from '@/components/opinion/api'
import { useAsync } from '@/hooks/useAsync'
import { usePageRefresh } from '@/hooks/usePageRefresh'
import { messageOf } from '@/services/call'
import '@/components/opinion/opinion.scss'

function DueDays() {
  const settings = useAsync('opinion-settings', opinionApi.getSettings)
  const [note, setNote] = useState('')
  const change = async (delta: number) => {
    const next = Math.min(60, Math.max(1, (settings.data?.dueDays ?? 7) + delta))
    try {
      await opinionApi.setSettings(next)
      await settings.reload()
      setNote('已保存，新提交的意见按新的期限计算')
    } catch (err) {
      setNote(messageOf(err))
    }
  }
  return (
    <View className='op-section'>
      <Text className='op-section__title'>答复期限</Text>
      <View className='stepper'>
        <AppButton variant='secondary' onClick={() => void change(-1)}>－</AppButton>
        <Text className='stepper__value' data-due-days>{settings.data ? `${settings.data.dueDays} 天` : '…'}</Text>
        <AppButton variant='secondary' onClick={() => void change(1)}>＋</AppButton>
      </View>
      {note ? <Text className='op-note'>{note}</Text> : null}
    </View>
  )
}

/** 意见统计 (chair): by category and month, reply rate, median days to reply, satisfaction; the due-days setting. */
export default function OpinionStatsPage() {
  const stats = useAsync('opinion-stats', () => opinionApi.stats())
  usePageRefresh([stats.reload])
  const s = stats.data
  return (
    <PageShell>
      {stats.loading ? <LoadingState /> : null}
      {stats.error ? <ErrorState message={stats.error.message} onRetry={stats.reload} /> : null}
      {s ? (
        <View>
          <View className='kpis'>
            <View className='kpi'><Text className='kpi__value'>{s.total}</Text><Text className='kpi__label'>{`${s.year} 年意见`}</Text></View>
            <View className='kpi'><Text className='kpi__value'>{percent(s.replyRate)}</Text><Text className='kpi__label'>答复率</Text></View>
            <View className='kpi'><Text className='kpi__value'>{days(s.medianDaysToReply)}</Text><Text className='kpi__label'>答复用时中位数</Text></View>
            <View className='kpi'><Text className='kpi__value'>{s.overdue}</Text><Text className='kpi__label'>超期未答复</Text></View>
          </View>
          <View className='op-section'><Text className='op-section__title'>按类别</Text><StatsBars rows={s.byCategory} /></View>
          <View className='op-section'><Text className='op-section__title'>按月份</Text><StatsBars rows={s.byMonth} label={(k) => `${Number(k.slice(5))}月`} /></View>
          <View className='op-section'>
            <Text className='op-section__title'>满意度</Text>
            <StatsBars rows={s.satisfaction.map((x) => ({ key: x.rating, count: x.count }))} label={(k) => opinionRatingLabels[k as keyof typeof opinionRatingLabels]} />
          </View>
          {s.held ? <Text className='op-note'>{`另有 ${s.held} 条待审核。`}</Text> : null}
        </View>
      ) : null}
      <DueDays />
    </PageShell>
  )
}

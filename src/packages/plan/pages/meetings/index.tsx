import { useRef, useState } from 'react'
import Taro, { useDidShow } from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { PageShell } from '@/components/page-shell/PageShell'
import { ListBody } from '@/components/common/ListBody'
import { AppButton } from '@/components/AppButton'
import { planApi } from '@/components/plan/api'
import { usePagedList } from '@/hooks/usePagedList'
import { usePageRefresh } from '@/hooks/usePageRefresh'
import { formatDay, todayShanghai } from '@/utils/time'
import '../../components/plan.scss'

/** The year's meetings (三会, 委员会议), newest first; internal records for the committee. */
export default function MeetingsPage() {
  const [year, setYear] = useState(Number(todayShanghai().slice(0, 4)))
  const list = usePagedList(`meetings-${year}`, (page) => planApi.meetings(year, page))
  usePageRefresh([list.reload], list.loadMore)
  const shown = useRef(false)
  useDidShow(() => {
    if (shown.current) void list.reload()
    shown.current = true
  })
  return (
    <PageShell>
      <View className='plan-bar'>
        <Text className='plan-bar__step' onClick={() => setYear(year - 1)}>‹ {year - 1}</Text>
        <Text className='plan-bar__title'>{`${year}年会议`}</Text>
        <Text className='plan-bar__step' onClick={() => setYear(year + 1)}>{year + 1} ›</Text>
      </View>
      <View className='plan-actions'><AppButton block onClick={() => void Taro.navigateTo({ url: '/packages/plan/pages/meeting/index' })}>登记会议</AppButton></View>
      <ListBody
        list={list}
        loadingText='正在读取会议…'
        empty={{ title: '这一年还没有会议记录', hint: '开完会登记出席、纪要和决定事项，决定会成为计划事项' }}
        renderItem={(m) => (
          <View key={m.id} className='plan-row' data-meeting={m.title} onClick={() => void Taro.navigateTo({ url: `/packages/plan/pages/meeting/index?id=${m.id}` })}>
            <Text className='plan-row__title'>{m.type}</Text>
            <Text className='plan-row__meta'>{`${formatDay(m.date)} · ${m.place} · 出席 ${m.attendeeCount} 人 · 决定 ${m.decisionCount} 项`}</Text>
          </View>
        )}
      />
    </PageShell>
  )
}

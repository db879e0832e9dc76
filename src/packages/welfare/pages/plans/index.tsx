import { useRef } from 'react'
import Taro, { useDidShow } from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { formatFen } from '../../../../../types/money'
import { PageShell } from '@/components/page-shell/PageShell'
import { ListBody } from '@/components/common/ListBody'
import { Tag } from '@/components/common/Tag'
import { AppButton } from '@/components/AppButton'
import { welfareApi } from '@/components/welfare/api'
import { usePagedList } from '@/hooks/usePagedList'
import { usePageRefresh } from '@/hooks/usePageRefresh'
import { formatDay } from '@/utils/time'
import '../../components/form.scss'

/** Holiday plans with their progress; a new plan is built from the roster. */
export default function WelfarePlansPage() {
  const plans = usePagedList('welfare-plans', (page) => welfareApi.plans(page))
  usePageRefresh([plans.reload], plans.loadMore)
  const shown = useRef(false)
  useDidShow(() => {
    if (shown.current) void plans.reload()
    shown.current = true
  })
  return (
    <PageShell>
      <View className='actions'>
        <AppButton block onClick={() => void Taro.navigateTo({ url: '/packages/welfare/pages/plan-new/index' })}>新建慰问计划</AppButton>
        <AppButton block variant='secondary' onClick={() => void Taro.navigateTo({ url: '/packages/welfare/pages/hardship/index' })}>困难职工名单</AppButton>
      </View>
      <ListBody
        list={plans}
        loadingText='正在加载计划…'
        empty={{ title: '还没有慰问计划', hint: '春节、中秋前，从名单一次生成走访名单' }}
        renderItem={(p) => (
          <View key={p.id} className='summary' onClick={() => void Taro.navigateTo({ url: `/packages/welfare/pages/plan/index?id=${p.id}` })} data-plan={p.title}>
            <View className='row'>
              <Text className='person__name'>{p.title}</Text>
              {p.state === 'active' ? <Tag tone='info'>进行中</Tag> : <Tag>已结束</Tag>}
            </View>
            <Text className='summary__line'>{`${formatDay(p.plannedDate)} · ${p.filterLabel} · 每户 ${formatFen(p.cashFenEach)} 元`}</Text>
            <Text className='summary__line'>{`已走访 ${p.done}/${p.total} 户${p.cancelled ? `，取消 ${p.cancelled} 户` : ''}`}</Text>
          </View>
        )}
      />
    </PageShell>
  )
}

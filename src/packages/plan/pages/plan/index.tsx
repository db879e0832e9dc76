import { useRef, useState } from 'react'
import Taro, { useDidShow, useRouter } from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import type { PlanItemView } from '../../../../../types/plan'
import { PageShell } from '@/components/page-shell/PageShell'
import { LoadingState } from '@/components/states/LoadingState'
import { ErrorState } from '@/components/states/ErrorState'
import { EmptyState } from '@/components/states/EmptyState'
import { Tag } from '@/components/common/Tag'
import { AppButton } from '@/components/AppButton'
import { planApi } from '@/components/plan/api'
import { useAsync } from '@/hooks/useAsync'
import { useMe } from '@/hooks/useMe'
import { usePageRefresh } from '@/hooks/usePageRefresh'
import { todayShanghai, formatDay } from '@/utils/time'
import { confirmStep, tell } from '@/services/confirm'
import { statusTag } from '../../components/status'
import '../../components/plan.scss'

const STATE_LABEL = { none: '未制定', draft: '草稿', adopted: '已通过并公布' } as const

/** The year's plan: items month by month with their status; the chair copies last year's and adopts it. */
export default function PlanPage() {
  const router = useRouter()
  const [year, setYear] = useState(Number(router.params.year ?? todayShanghai().slice(0, 4)))
  const me = useMe()
  const chair = me.data?.role === 'chair'
  const plan = useAsync(`plan-${year}`, () => planApi.get(year))
  usePageRefresh([plan.reload])
  const shown = useRef(false)
  useDidShow(() => {
    if (shown.current) void plan.reload()
    shown.current = true
  })
  const [busy, setBusy] = useState(false)
  const run = async (step: () => Promise<unknown>, done: string) => {
    setBusy(true)
    try {
      await step()
      await plan.reload()
      void Taro.showToast({ title: done, icon: 'success' })
    } catch (err) {
      tell('没有完成', (err as Error).message)
    } finally {
      setBusy(false)
    }
  }
  const p = plan.data
  const copy = async () => {
    if (await confirmStep(`复制 ${year - 1} 年计划`, `把 ${year - 1} 年的指导思想、重点工作和全部事项复制为 ${year} 年计划草稿，日期顺延到 ${year} 年。`, '复制')) {
      await run(() => planApi.copy(year, year - 1), '已复制')
    }
  }
  const adopt = async () => {
    if (p && (await confirmStep('通过并公布', `${year} 年工作计划将作为校务公开发布给全体会员，发布后只能更正。`, '公布'))) {
      await run(() => planApi.adopt(year, p.revision), '已公布')
    }
  }
  const updateNotice = async () => {
    if (p?.notice && (await confirmStep('更新计划公告', '把计划的调整（新增、改期、取消的事项和修改的文字）作为更正发布到校务公开，会员会看到新版本和更正原因。', '发布更正'))) {
      await run(() => planApi.updateNotice(year, p.notice!.version), '公告已更新')
    }
  }
  const months = p ? [...new Set(p.items.map((i) => i.month))] : []
  const open = (i?: PlanItemView) => void Taro.navigateTo({ url: `/packages/plan/pages/item/index?year=${year}${i ? `&id=${i.id}` : ''}` })
  return (
    <PageShell>
      <View className='plan-bar'>
        <Text className='plan-bar__step' onClick={() => setYear(year - 1)}>‹ {year - 1}</Text>
        <Text className='plan-bar__title'>{`${year}年工作计划`}</Text>
        <Text className='plan-bar__step' onClick={() => setYear(year + 1)}>{year + 1} ›</Text>
      </View>
      {plan.loading ? <LoadingState text='正在读取计划…' /> : null}
      {plan.error ? <ErrorState message={plan.error.message} onRetry={plan.reload} /> : null}
      {p ? (
        <View>
          <View className='row plan-state'>
            <Tag tone={p.state === 'adopted' ? 'success' : 'neutral'}>{STATE_LABEL[p.state]}</Tag>
            <Text className='plan-row__meta'>{`共 ${p.items.length} 项，已完成 ${p.items.filter((i) => i.status === 'done').length} 项`}</Text>
          </View>
          {p.notice?.behind ? (
            <View className='plan-notice-behind'>
              <Text>计划已调整，校务公开里的计划公告还是旧版本。</Text>
              {chair ? <AppButton block disabled={busy} onClick={() => void updateNotice()}>更新计划公告</AppButton> : <Text>请主席更新公告。</Text>}
            </View>
          ) : null}
          <View className='plan-actions'>
            {chair && !p.exists && p.years.includes(year - 1) ? <AppButton block disabled={busy} onClick={() => void copy()}>{`复制${year - 1}年计划`}</AppButton> : null}
            {chair && p.state === 'draft' ? <AppButton block disabled={busy} onClick={() => void adopt()}>通过并公布</AppButton> : null}
            <AppButton block variant='secondary' onClick={() => open()}>添加事项</AppButton>
          </View>
          {p.items.length === 0 ? <EmptyState title='还没有计划事项' hint={chair ? '可以从去年的计划复制，再逐项调整' : '主席制定计划后在这里查看'} /> : null}
          {months.map((m) => (
            <View key={m}>
              <Text className='plan-month'>{`${m}月`}</Text>
              {p.items.filter((i) => i.month === m).map((i) => {
                const tag = statusTag(i)
                return (
                  <View key={i.id} className='plan-row' onClick={() => open(i)} data-item={i.title}>
                    <Text className='plan-row__title'>{i.title}</Text>
                    <Tag tone={tag.tone}>{tag.text}</Tag>
                    <Text className='plan-row__meta'>{`${i.date ? formatDay(i.date) : `${i.month}月内`} · ${i.ownerName}${i.link ? ` · ${i.link.title}` : ''}${i.cancelReason ? ` · ${i.cancelReason}` : ''}`}</Text>
                  </View>
                )
              })}
            </View>
          ))}
        </View>
      ) : null}
    </PageShell>
  )
}

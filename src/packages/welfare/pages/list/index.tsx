import { useRef, useState } from 'react'
import Taro, { useDidShow, useRouter } from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { welfareFunds, welfareReasons, type WelfareFund, type WelfareReason } from '../../../../../types/welfare'
import { PageShell } from '@/components/page-shell/PageShell'
import { FilterChips } from '@/components/common/FilterChips'
import { ListBody } from '@/components/common/ListBody'
import { ErrorState } from '@/components/states/ErrorState'
import { WelfareItem } from '@/components/welfare/WelfareItem'
import { welfareApi } from '@/components/welfare/api'
import { usePageRefresh } from '@/hooks/usePageRefresh'
import { useMe } from '@/hooks/useMe'
import { messageOf } from '@/services/call'
import { files } from '@/services/files'
import { todayShanghai } from '@/utils/time'
import { LedgerSummary } from '../../components/LedgerSummary'
import { useLedger } from '../../hooks/useLedger'
import '../../components/form.scss'

const go = (url: string) => void Taro.navigateTo({ url })

/** 慰问台账: filters (year, reason, fund, one person), totals, charts, the visits; entry to everything else. */
export default function WelfareListPage() {
  const { params } = useRouter()
  const person = params.memberId || params.name ? { memberId: params.memberId || undefined, recipientName: params.name ? decodeURIComponent(params.name) : undefined } : {}
  const thisYear = Number(todayShanghai().slice(0, 4))
  const years = [1, 2, 3, 4].map((k) => String(thisYear - k))
  const [year, setYear] = useState<string | undefined>(undefined)
  const [reason, setReason] = useState<WelfareReason | undefined>(undefined)
  const [fund, setFund] = useState<WelfareFund | undefined>(undefined)
  // One person's page starts with every year; a year chip narrows it.
  const personal = !!(person.memberId || person.recipientName)
  const filter = { ...(year ? { year: Number(year) } : personal ? {} : { year: thisYear }), ...(reason ? { reason } : {}), ...(fund ? { fund } : {}), ...person }
  const { visits, summary } = useLedger(filter)
  const me = useMe()
  usePageRefresh([visits.reload], visits.loadMore)
  // Coming back from a form shows what was just saved (the first show is the initial load).
  const shown = useRef(false)
  useDidShow(() => {
    if (shown.current) void visits.reload()
    shown.current = true
  })
  const shownYear = year ? `${year}年` : personal ? '历年' : `${thisYear}年`

  const exportExcel = async () => {
    void Taro.showLoading({ title: '正在生成表格…' })
    try {
      const out = await welfareApi.exportExcel(filter)
      Taro.hideLoading()
      await files.openFile(out.url, out.fileName)
    } catch (err) {
      Taro.hideLoading()
      void Taro.showModal({ title: '导出没有成功', content: messageOf(err), showCancel: false })
    }
  }

  if (visits.error?.code === 'FORBIDDEN') return <PageShell><ErrorState message={visits.error.message} /></PageShell>
  return (
    <PageShell>
      {params.name ? <Text className='section-title'>{`${decodeURIComponent(params.name)} 的慰问记录`}</Text> : (
        <View className='toolbar'>
          <Text className='toolbar__item' onClick={() => go('/packages/welfare/pages/record/index')}>＋ 记录慰问</Text>
          <Text className='toolbar__item' onClick={() => go('/packages/welfare/pages/plans/index')}>节日慰问计划</Text>
          <Text className='toolbar__item' onClick={() => go('/packages/welfare/pages/todo/index')}>待办</Text>
          <Text className='toolbar__item' onClick={() => void exportExcel()}>导出 Excel</Text>
          {me.data?.role === 'chair' ? <Text className='toolbar__item' onClick={() => go('/packages/welfare/pages/disclosure/index')}>经费公开</Text> : null}
        </View>
      )}
      <FilterChips options={personal ? [String(thisYear), ...years] : years} value={year} onChange={setYear} allLabel={personal ? '历年' : `${thisYear}年`} />
      <FilterChips options={welfareReasons} value={reason} onChange={setReason} allLabel='全部事由' />
      <FilterChips options={welfareFunds} value={fund} onChange={setFund} allLabel='全部经费' />
      {summary ? <LedgerSummary s={summary} /> : null}
      <ListBody
        list={visits}
        loadingText='正在加载慰问记录…'
        empty={{ title: `${shownYear}还没有符合条件的慰问记录`, hint: '换个年份或事由看看，或点“记录慰问”' }}
        renderItem={(v) => <WelfareItem key={v.id} visit={v} onOpen={(id) => go(`/packages/welfare/pages/detail/index?id=${id}`)} />}
      />
    </PageShell>
  )
}

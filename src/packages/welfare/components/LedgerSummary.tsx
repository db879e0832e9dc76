import { View, Text } from '@tarojs/components'
import type { WelfareSummaryOutput } from '../../../../types/welfare'
import { formatFen } from '../../../../types/money'
import { BarChart } from './BarChart'
import './form.scss'

/** Totals (exact 元 from integer 分) and the two charts: by reason and by month. */
export function LedgerSummary({ s }: { s: WelfareSummaryOutput }) {
  return (
    <View>
      <View className='summary' data-testid='ledger-summary'>
        <Text className='summary__line'>{`${s.allYears ? '历年' : `${s.year}年`} 已慰问 ${s.count} 人次${s.plannedCount ? `，另有计划 ${s.plannedCount} 人次` : ''}`}</Text>
        <Text className='summary__total' data-total-fen={s.totalFen}>{`合计 ${formatFen(s.totalFen)} 元`}</Text>
        <Text className='summary__line'>{`慰问金 ${formatFen(s.cashFen)} 元 · 慰问品 ${formatFen(s.giftFen)} 元`}</Text>
        <Text className='summary__line'>{s.byFund.filter((f) => f.count).map((f) => `${f.key} ${formatFen(f.totalFen)} 元`).join(' · ')}</Text>
      </View>
      {s.count > 0 ? (
        <>
          <BarChart title='按慰问事由' bars={s.byReason.filter((r) => r.count).map((r) => ({ label: r.key, fen: r.totalFen, count: r.count }))} />
          {s.allYears ? null : <BarChart title='按月份' vertical bars={s.byMonth.map((m) => ({ label: `${Number(m.key.slice(5))}月`, fen: m.totalFen, count: m.count }))} />}
        </>
      ) : null}
    </View>
  )
}

import { View, Text } from '@tarojs/components'
import { formatFen } from '../../../../types/money'
import './chart.scss'

export interface Bar {
  label: string
  /** 分 */
  fen: number
  count: number
}

/**
 * Plain CSS bars (no chart library: renders the same in weapp and h5 and adds nothing to the
 * package). Widths are a layout proportion only; every amount shown is exact 分 → 元 text.
 */
export function BarChart({ title, bars, vertical }: { title: string; bars: Bar[]; vertical?: boolean }) {
  const max = Math.max(1, ...bars.map((b) => b.fen))
  const pct = (fen: number) => `${Math.round((fen * 100) / max)}%`
  return (
    <View className={`chart${vertical ? ' chart--vertical' : ''}`} data-chart={title}>
      <Text className='chart__title'>{title}</Text>
      {vertical ? (
        <View className='chart__columns'>
          {bars.map((b) => (
            <View key={b.label} className='chart__column' data-bar={b.label} data-fen={b.fen}>
              <View className='chart__column-track'>
                <View className='chart__column-fill' style={{ height: pct(b.fen) }} />
              </View>
              <Text className='chart__column-label'>{b.label}</Text>
            </View>
          ))}
        </View>
      ) : (
        bars.map((b) => (
          <View key={b.label} className='chart__row' data-bar={b.label} data-fen={b.fen}>
            <Text className='chart__label'>{b.label}</Text>
            <View className='chart__track'>
              <View className='chart__fill' style={{ width: pct(b.fen) }} />
            </View>
            <Text className='chart__value'>{`${formatFen(b.fen)} 元 · ${b.count}次`}</Text>
          </View>
        ))
      )}
    </View>
  )
}

import { View, Text } from '@tarojs/components'
import './opinion.scss'

/** Horizontal bars for counts (no chart library: fits the main package and 关怀模式). */
export function StatsBars({ rows, label = (k) => k }: { rows: Array<{ key: string; count: number }>; label?: (key: string) => string }) {
  const max = Math.max(1, ...rows.map((r) => r.count))
  if (rows.length === 0) return <Text className='op-note'>暂无数据</Text>
  return (
    <View className='bars'>
      {rows.map((r) => (
        <View key={r.key} className='bars__row'>
          <Text className='bars__label'>{label(r.key)}</Text>
          <View className='bars__track'><View className='bars__fill' style={{ width: `${(r.count / max) * 100}%` }} /></View>
          <Text className='bars__count'>{r.count}</Text>
        </View>
      ))}
    </View>
  )
}

export const percent = (v: number | null) => (v === null ? '—' : `${Math.round(v * 100)}%`)
export const days = (v: number | null) => (v === null ? '—' : `${v} 天`)

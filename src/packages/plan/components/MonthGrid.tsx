import { View, Text } from '@tarojs/components'
import { monthCells } from './month-cells'

const WEEKDAYS = ['一', '二', '三', '四', '五', '六', '日']

interface Props {
  month: string
  today: string
  /** entries per day (`YYYY-MM-DD` → count) */
  counts: Map<string, number>
  selected: string | null
  onSelect: (day: string | null) => void
}

/** The month as a grid (Monday first): each day shows how many things happen; a tap picks the day. */
export function MonthGrid({ month, today, counts, selected, onSelect }: Props) {
  return (
    <View className='month-grid' role='grid'>
      {WEEKDAYS.map((w) => <Text key={w} className='month-grid__weekday'>{w}</Text>)}
      {monthCells(month).map((day, n) => {
        if (!day) return <View key={`blank-${n}`} className='month-grid__cell month-grid__cell--blank' />
        const count = counts.get(day) ?? 0
        const classes = ['month-grid__cell', count ? 'month-grid__cell--busy' : '', day === today ? 'month-grid__cell--today' : '', day === selected ? 'month-grid__cell--selected' : '']
        return (
          <View key={day} className={classes.filter(Boolean).join(' ')} data-day={day} role='gridcell' aria-selected={day === selected} onClick={() => onSelect(day === selected ? null : day)}>
            <Text className='month-grid__date'>{Number(day.slice(8))}</Text>
            {count ? <Text className='month-grid__count'>{count}</Text> : null}
          </View>
        )
      })}
    </View>
  )
}

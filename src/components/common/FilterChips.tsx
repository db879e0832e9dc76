import { ScrollView, View, Text } from '@tarojs/components'
import './filter-chips.scss'

interface Props<T extends string> {
  options: readonly T[]
  /** undefined = 全部 */
  value: T | undefined
  onChange: (value: T | undefined) => void
  allLabel?: string
}

/** One-line, horizontally scrolling filter; 全部 clears the filter. */
export function FilterChips<T extends string>({ options, value, onChange, allLabel = '全部' }: Props<T>) {
  const chip = (label: string, v: T | undefined) => (
    <View
      key={label}
      className={`chip${value === v ? ' chip--active' : ''}`}
      onClick={() => onChange(v)}
      data-chip={label}
      aria-selected={value === v}
      role='tab'
    >
      <Text>{label}</Text>
    </View>
  )
  return (
    <ScrollView className='chips' scrollX enhanced showScrollbar={false}>
      <View className='chips__row' role='tablist'>
        {chip(allLabel, undefined)}
        {options.map((o) => chip(o, o))}
      </View>
    </ScrollView>
  )
}

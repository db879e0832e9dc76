import { View, Text } from '@tarojs/components'
import './form.scss'

interface Props<T extends string> {
  options: readonly T[]
  value: T | undefined
  onChange: (value: T) => void
  name?: string
}

/** A few options shown at once as large tap targets (better than a picker for 2–8 choices). */
export function Choice<T extends string>({ options, value, onChange, name }: Props<T>) {
  return (
    <View className='choice' role='radiogroup' data-name={name}>
      {options.map((o) => (
        <View key={o} className={`choice__item${value === o ? ' choice__item--on' : ''}`} role='radio' aria-checked={value === o} data-option={o} onClick={() => onChange(o)}>
          <Text>{o}</Text>
        </View>
      ))}
    </View>
  )
}

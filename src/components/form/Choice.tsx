import { View, Text } from '@tarojs/components'
import './form.scss'

interface Props<T extends string> {
  options: readonly T[]
  /** one value, or several when the caller keeps a list (multiple choice) */
  value: T | T[] | undefined
  onChange: (value: T) => void
  name?: string
}

/** Pick one (or several) from a short list of words: bigger tap targets than a picker for 2–10 choices. */
export function Choice<T extends string>({ options, value, onChange, name }: Props<T>) {
  const on = (o: T) => (Array.isArray(value) ? value.includes(o) : value === o)
  return (
    <View className='choice' role='radiogroup' data-choice={name}>
      {options.map((o) => (
        <View key={o} className={`choice__item${on(o) ? ' choice__item--on' : ''}`} role='radio' aria-checked={on(o)} data-option={o} onClick={() => onChange(o)}>
          <Text>{o}</Text>
        </View>
      ))}
    </View>
  )
}

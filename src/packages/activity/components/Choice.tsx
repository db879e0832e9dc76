import { View, Text } from '@tarojs/components'
import './form.scss'

/** Pick one (or several, with `multi`) from a short list of words: bigger targets than a picker. */
export function Choice<T extends string>({ options, value, onChange, name }: { options: readonly T[]; value: T | T[]; onChange: (v: T) => void; name: string }) {
  const on = (o: T) => (Array.isArray(value) ? value.includes(o) : value === o)
  return (
    <View className='choice' role='radiogroup' data-choice={name}>
      {options.map((o) => (
        <View key={o} className={`choice__item${on(o) ? ' choice__item--on' : ''}`} onClick={() => onChange(o)} aria-checked={on(o)} role='radio' data-option={o}>
          <Text>{o}</Text>
        </View>
      ))}
    </View>
  )
}

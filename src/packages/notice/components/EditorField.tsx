import type { ReactNode } from 'react'
import { View, Text } from '@tarojs/components'
import './editor.scss'

/** A labelled row of the notice editor; `error` is the function's Chinese message for the field. */
export function EditorField({ label, hint, error, children }: { label: string; hint?: string; error?: string; children: ReactNode }) {
  return (
    <View className='editor-field'>
      <Text className='editor-field__label'>{label}</Text>
      {children}
      {hint ? <Text className='editor-field__hint'>{hint}</Text> : null}
      {error ? <View className='editor-field__error' role='alert'><Text>{error}</Text></View> : null}
    </View>
  )
}

export function EditorChoice<T extends string>({ options, labels, value, onChange, name }: {
  options: readonly T[]; labels?: Partial<Record<T, string>>; value: T; onChange: (v: T) => void; name: string
}) {
  return (
    <View className='editor-choice' role='radiogroup' data-choice={name}>
      {options.map((o) => (
        <View key={o} className={`editor-choice__item${value === o ? ' editor-choice__item--on' : ''}`} onClick={() => onChange(o)} role='radio' aria-checked={value === o} data-option={o}>
          <Text>{labels?.[o] ?? o}</Text>
        </View>
      ))}
    </View>
  )
}

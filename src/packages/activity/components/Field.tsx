import type { ReactNode } from 'react'
import { View, Text } from '@tarojs/components'
import './form.scss'

/** A labelled form row; `error` shows the function's Chinese message for this field. */
export function Field({ label, hint, error, children }: { label: string; hint?: string; error?: string; children: ReactNode }) {
  return (
    <View className='field'>
      <Text className='field__label'>{label}</Text>
      {children}
      {hint ? <Text className='field__hint'>{hint}</Text> : null}
      {error ? <View className='field__error' role='alert'><Text>{error}</Text></View> : null}
    </View>
  )
}

import type { ReactNode } from 'react'
import { View, Text } from '@tarojs/components'
import './form.scss'

interface Props {
  label: string
  required?: boolean
  hint?: string
  error?: string
  children: ReactNode
}

/** One labelled form row; the error (Chinese, from the function's issues) shows under it. */
export function Field({ label, required, hint, error, children }: Props) {
  return (
    <View className='field'>
      <Text className='field__label'>
        {label}
        {required ? <Text className='field__required'> *</Text> : null}
      </Text>
      {children}
      {hint && !error ? <Text className='field__hint'>{hint}</Text> : null}
      {error ? <View className='field__error' role='alert'><Text>{error}</Text></View> : null}
    </View>
  )
}

import { useRef, type ReactNode } from 'react'
import { View, Text } from '@tarojs/components'
import './form.scss'

interface Props {
  label: string
  required?: boolean
  hint?: string
  error?: string
  /**
   * The field's current value. When given, an error stops showing as soon as the value changes
   * after it was reported (the person is fixing it), and shows again when the form reports it
   * anew (forms clear their errors when a submit starts, so every answer is a new report).
   */
  value?: unknown
  children: ReactNode
}

/**
 * One labelled form row. The hint (e.g. the 月-日 format) stays while the field is wrong — it is
 * what helps fix it; the error (Chinese, from the function's issues) shows under it.
 */
export function Field({ label, required, hint, error, value, children }: Props) {
  const shownError = useCurrentError(error, value)
  return (
    <View className={shownError ? 'field field--error' : 'field'}>
      <Text className='field__label'>
        {label}
        {required ? <Text className='field__required'> *</Text> : null}
      </Text>
      {children}
      {hint ? <Text className='field__hint'>{hint}</Text> : null}
      {shownError ? <View className='field__error' role='alert'><Text>{shownError}</Text></View> : null}
    </View>
  )
}

/** The error while the value is still the one it was reported for. */
function useCurrentError(error: string | undefined, value: unknown): string | undefined {
  const reported = useRef<{ error: string | undefined; value: unknown }>({ error, value })
  // A newly reported error belongs to the value of this render.
  if (reported.current.error !== error) reported.current = { error, value }
  if (!error) return undefined
  return Object.is(reported.current.value, value) ? error : undefined
}

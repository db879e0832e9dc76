import type { ReactNode } from 'react'
import { View, Text } from '@tarojs/components'
import './states.scss'

interface Props {
  title: string
  /** what the person can do next (e.g. 换个分类看看) */
  hint?: string
  action?: ReactNode
}

export function EmptyState({ title, hint, action }: Props) {
  return (
    <View className='state state--empty'>
      <Text className='state__title'>{title}</Text>
      {hint ? <Text className='state__hint'>{hint}</Text> : null}
      {action ? <View className='state__action'>{action}</View> : null}
    </View>
  )
}

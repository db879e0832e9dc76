import { View, Text } from '@tarojs/components'
import './states.scss'

/** Shown while the first page of data loads; says what is loading so a slow network is not mistaken for an empty list. */
export function LoadingState({ text = '正在加载…' }: { text?: string }) {
  return (
    <View className='state state--loading' aria-busy='true'>
      <View>
        <View className='state__dot' />
        <View className='state__dot' />
        <View className='state__dot' />
      </View>
      <Text className='state__hint'>{text}</Text>
    </View>
  )
}

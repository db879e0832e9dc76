import { View, Text } from '@tarojs/components'
import './detail.scss'

export interface GuidePoint {
  title: string
  text: string
}

/** A titled list of plain-language points (how something works, what it promises). */
export function Guide({ title, points }: { title: string; points: GuidePoint[] }) {
  return (
    <View className='detail'>
      <Text className='detail__title'>{title}</Text>
      {points.map((p) => (
        <View key={p.title}>
          <Text className='detail__heading'>{p.title}</Text>
          <Text className='detail__para'>{p.text}</Text>
        </View>
      ))}
    </View>
  )
}

import { View, Text } from '@tarojs/components'
import './detail.scss'

export function DetailRow({ label, value }: { label: string; value: string }) {
  return (
    <View className='detail__row'>
      <Text className='detail__label'>{label}</Text>
      <Text className='detail__value'>{value}</Text>
    </View>
  )
}

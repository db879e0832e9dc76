import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import './nav-cell.scss'

interface Props {
  title: string
  hint?: string
  url: string
}

/** A row that opens another page; the whole row is the tap target. */
export function NavCell({ title, hint, url }: Props) {
  return (
    <View className='nav-cell' onClick={() => void Taro.navigateTo({ url })}>
      <Text className='nav-cell__title'>{title}</Text>
      {hint ? <Text className='nav-cell__hint'>{hint}</Text> : null}
      <Text className='nav-cell__arrow'>›</Text>
    </View>
  )
}

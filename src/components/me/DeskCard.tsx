import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import type { DeskItem } from '../../../types/desk'
import './desk.scss'

function Line({ item }: { item: DeskItem }) {
  const cls = ['desk-line', item.count === 0 ? 'desk-line--none' : '', item.urgent && item.count > 0 ? 'desk-line--urgent' : ''].filter(Boolean).join(' ')
  return (
    <View className={cls} data-desk={item.key} onClick={() => void Taro.navigateTo({ url: item.url })}>
      <Text className='desk-line__title'>{item.title}</Text>
      <Text className='desk-line__count'>{item.count === 0 ? '无' : `${item.count}${item.urgent ? ' · 已逾期' : ''}`}</Text>
      <Text className='desk-line__arrow'>›</Text>
    </View>
  )
}

/**
 * 工作台 for committee and chair at the top of 我的: how much work waits in each place, each line
 * opening the page where it is done. The page reads it with everything else it shows (member.home),
 * again every time 我的 is shown; `items` is undefined until that answer arrives.
 */
export function DeskCard({ items, error }: { items: DeskItem[] | undefined; error?: string }) {
  return (
    <View className='desk' data-card='desk'>
      <Text className='desk__title'>工作台</Text>
      {error && !items ? <Text className='desk__quiet'>{error}</Text> : null}
      {!items && !error ? <Text className='desk__quiet'>正在统计待办…</Text> : null}
      {items?.map((i) => <Line key={i.key} item={i} />)}
    </View>
  )
}

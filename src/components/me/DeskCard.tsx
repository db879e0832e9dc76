import { useRef } from 'react'
import Taro, { useDidShow, usePullDownRefresh } from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import type { DeskItem } from '../../../types/desk'
import { useAsync } from '@/hooks/useAsync'
import { memberApi } from '@/services/member-api'
import { showDeskBadge } from './desk-badge'
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
 * opening the page where it is done. Refreshed every time 我的 is shown; the tab bar shows the total.
 */
export function DeskCard() {
  const desk = useAsync('desk', async () => {
    const out = await memberApi.desk()
    showDeskBadge(out.items)
    return out
  })
  // The first show is the first load; every later one (back from the work) counts again.
  const shown = useRef(false)
  useDidShow(() => {
    if (shown.current) void desk.reload()
    shown.current = true
  })
  usePullDownRefresh(() => void desk.reload())
  const items = desk.data?.items
  return (
    <View className='desk' data-card='desk'>
      <Text className='desk__title'>工作台</Text>
      {desk.error && !items ? <Text className='desk__quiet'>{desk.error.message}</Text> : null}
      {!items && !desk.error ? <Text className='desk__quiet'>正在统计待办…</Text> : null}
      {items?.map((i) => <Line key={i.key} item={i} />)}
    </View>
  )
}

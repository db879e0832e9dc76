import { View, Text } from '@tarojs/components'
import type { CallError } from '@/services/call'
import './list-footer.scss'

interface Props {
  count: number
  hasMore: boolean
  loadingMore: boolean
  error: CallError | null
  onMore: () => void
}

/** Below a list: load the next page, say that a page failed (with retry), or that this is all. */
export function ListFooter({ count, hasMore, loadingMore, error, onMore }: Props) {
  if (error) {
    return (
      <View className='list-footer list-footer--error' onClick={onMore}>
        <Text>{error.message}</Text>
        <Text className='list-footer__link'>点这里重试</Text>
      </View>
    )
  }
  if (loadingMore) return <View className='list-footer'>正在加载更多…</View>
  if (hasMore) {
    return (
      <View className='list-footer list-footer__link' onClick={onMore}>
        加载更多
      </View>
    )
  }
  return count > 0 ? <View className='list-footer'>没有更多了</View> : null
}

import type { ReactNode } from 'react'
import { View } from '@tarojs/components'
import type { PagedList } from '@/hooks/usePagedList'
import { LoadingState } from '../states/LoadingState'
import { ErrorState } from '../states/ErrorState'
import { EmptyState } from '../states/EmptyState'
import { ListFooter } from './ListFooter'

interface Props<T> {
  list: PagedList<T>
  /** must return an element with a key */
  renderItem: (item: T) => ReactNode
  empty: { title: string; hint?: string; action?: ReactNode }
  loadingText?: string
}

/** Loading → error (with retry when it can help) → empty (saying what to do) → items + footer. */
export function ListBody<T>({ list, renderItem, empty, loadingText }: Props<T>) {
  if (list.loading) return <LoadingState text={loadingText} />
  if (list.error) return <ErrorState message={list.error.message} onRetry={list.error.retryable ? list.reload : undefined} />
  if (list.items.length === 0) return <EmptyState {...empty} />
  return (
    <View>
      {list.items.map(renderItem)}
      <ListFooter count={list.items.length} hasMore={list.hasMore} loadingMore={list.loadingMore} error={list.moreError} onMore={list.loadMore} />
    </View>
  )
}

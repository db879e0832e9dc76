import { useEffect, useState } from 'react'
import { View, Text } from '@tarojs/components'
import type { DeskQueue as Queue, ProposalItem } from '../../../../types/congress'
import { ListFooter } from '@/components/common/ListFooter'
import { toCallError } from '@/hooks/useAsync'
import type { CallError } from '@/services/call'
import { congressApi } from '../api'
import { ProposalRow } from './ProposalRow'

interface Props { sessionId: string; label: string; queue: Queue; onOpen: (p: ProposalItem) => void }

/**
 * One queue of 提案工作台: its total, the first page that came with the desk, and — for a queue longer
 * than a page — the next pages from `list` when the chair asks for them. A new desk answer starts over.
 */
export function DeskQueue({ sessionId, label, queue, onOpen }: Props) {
  const [more, setMore] = useState<ProposalItem[]>([])
  /** the last page shown (the first came with the desk) */
  const [page, setPage] = useState(1)
  const [loading, setLoading] = useState(false)
  const [error, setError] = useState<CallError | null>(null)
  useEffect(() => {
    setMore([])
    setPage(1)
    setError(null)
  }, [queue])
  const items = [...queue.items, ...more]
  const loadMore = () => {
    if (loading) return
    setLoading(true)
    setError(null)
    congressApi.list(sessionId, page + 1, { state: queue.state })
      .then((next) => {
        setMore((had) => [...had, ...next.items])
        setPage(next.page)
      })
      .catch((err) => setError(toCallError(err)))
      .finally(() => setLoading(false))
  }
  return (
    <View data-queue={label}>
      <Text className='cg-section'>{`${label}（${queue.total}）`}</Text>
      {items.map((p) => <ProposalRow key={p.id} p={p} onOpen={onOpen} />)}
      {queue.total > queue.items.length ? (
        <ListFooter count={items.length} hasMore={items.length < queue.total} loadingMore={loading} error={error} onMore={loadMore} />
      ) : null}
    </View>
  )
}

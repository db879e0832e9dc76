import { useCallback, useEffect, useRef, useState } from 'react'
import type { CallError } from '@/services/call'
import { toCallError } from './useAsync'

export interface Page<T> {
  items: T[]
  page: number
  total: number
}

export interface PagedList<T> {
  items: T[]
  total: number
  /** first page not there yet */
  loading: boolean
  loadingMore: boolean
  error: CallError | null
  /** a later page failed: the list stays, the footer offers a retry */
  moreError: CallError | null
  hasMore: boolean
  loadMore: () => void
  reload: () => Promise<void>
}

/**
 * Pages of 20 from a `*.list` function. Changing `key` (filters) starts again at page 1;
 * answers for an older key are dropped.
 */
export function usePagedList<T>(key: string, loadPage: (page: number) => Promise<Page<T>>): PagedList<T> {
  const [items, setItems] = useState<T[]>([])
  const [total, setTotal] = useState(0)
  const [page, setPage] = useState(0)
  const [loading, setLoading] = useState(true)
  const [loadingMore, setLoadingMore] = useState(false)
  const [error, setError] = useState<CallError | null>(null)
  const [moreError, setMoreError] = useState<CallError | null>(null)
  const loadRef = useRef(loadPage)
  loadRef.current = loadPage
  const seq = useRef(0)

  const reload = useCallback(async () => {
    const mine = ++seq.current
    setError(null)
    setMoreError(null)
    try {
      const first = await loadRef.current(1)
      if (mine !== seq.current) return
      setItems(first.items)
      setTotal(first.total)
      setPage(1)
    } catch (err) {
      if (mine === seq.current) setError(toCallError(err))
    } finally {
      if (mine === seq.current) setLoading(false)
    }
  }, [])

  useEffect(() => {
    setLoading(true)
    setItems([])
    void reload()
  }, [key, reload])

  const hasMore = items.length < total
  const loadMore = useCallback(() => {
    if (!hasMore || loadingMore || loading) return
    const mine = seq.current
    setLoadingMore(true)
    setMoreError(null)
    loadRef
      .current(page + 1)
      .then((next) => {
        if (mine !== seq.current) return
        setItems((prev) => [...prev, ...next.items])
        setTotal(next.total)
        setPage(next.page)
      })
      .catch((err) => {
        if (mine === seq.current) setMoreError(toCallError(err))
      })
      .finally(() => {
        if (mine === seq.current) setLoadingMore(false)
      })
  }, [hasMore, loadingMore, loading, page])

  return { items, total, loading, loadingMore, error, moreError, hasMore, loadMore, reload }
}

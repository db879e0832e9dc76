import { useCallback, useEffect, useRef, useState } from 'react'
import { CallError } from '@/services/call'
import { transportMessages } from '@/services/messages'

export interface AsyncState<T> {
  data: T | undefined
  error: CallError | null
  /** true only while nothing is shown yet; a reload keeps the old data on screen */
  loading: boolean
  reload: () => Promise<void>
}

export function toCallError(err: unknown): CallError {
  return err instanceof CallError ? err : new CallError('function', transportMessages.function)
}

/**
 * Runs `load` whenever `key` changes (the key encodes the inputs, e.g. category + keyword).
 * An answer that arrives after a newer request started is dropped, so a slow first filter
 * never overwrites the list for the filter the person chose last.
 */
export function useAsync<T>(key: string, load: () => Promise<T>): AsyncState<T> {
  const [data, setData] = useState<T | undefined>(undefined)
  const [error, setError] = useState<CallError | null>(null)
  const [loading, setLoading] = useState(true)
  const loadRef = useRef(load)
  loadRef.current = load
  const seq = useRef(0)

  const run = useCallback(async () => {
    const mine = ++seq.current
    setError(null)
    try {
      const value = await loadRef.current()
      if (mine === seq.current) setData(value)
    } catch (err) {
      if (mine === seq.current) setError(toCallError(err))
    } finally {
      if (mine === seq.current) setLoading(false)
    }
  }, [])

  useEffect(() => {
    setLoading(true)
    void run()
  }, [key, run])

  return { data, error, loading, reload: run }
}

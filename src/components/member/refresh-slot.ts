import { useEffect, useRef, type MutableRefObject } from 'react'
import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro'

interface Filled {
  reloads: Array<() => Promise<void>>
  loadMore?: () => void
}
export type RefreshSlot = MutableRefObject<Filled | null>

/**
 * Pull-down refresh for a page whose body sits behind a role gate. The page owns the hook, so the
 * spinner always stops — also for someone the gate refuses, whose body never mounts (then `fallback`,
 * e.g. asking who I am again, is what pull-down does). The body fills the slot with useFillSlot.
 */
export function useRefreshSlot(fallback: () => Promise<void>): RefreshSlot {
  const slot = useRef<Filled | null>(null)
  usePullDownRefresh(() => {
    const reloads = slot.current?.reloads ?? [fallback]
    void Promise.all(reloads.map((r) => r())).finally(() => Taro.stopPullDownRefresh())
  })
  useReachBottom(() => slot.current?.loadMore?.())
  return slot
}

/** In the gated body: what pull-down reloads and what reaching the bottom loads, while it is mounted. */
export function useFillSlot(slot: RefreshSlot, reloads: Array<() => Promise<void>>, loadMore?: () => void): void {
  slot.current = { reloads, loadMore }
  useEffect(() => () => { slot.current = null }, [slot])
}

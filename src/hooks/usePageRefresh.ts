import Taro, { usePullDownRefresh, useReachBottom } from '@tarojs/taro'

/** Pull down reloads everything on the page; reaching the bottom loads the next page of the main list. */
export function usePageRefresh(reloads: Array<() => Promise<void>>, loadMore?: () => void) {
  usePullDownRefresh(() => {
    void Promise.all(reloads.map((r) => r())).finally(() => Taro.stopPullDownRefresh())
  })
  useReachBottom(() => loadMore?.())
}

import { useRef } from 'react'
import { useDidShow } from '@tarojs/taro'

/**
 * Runs `reload` when the page is shown again (coming back from the editor, the unread list or
 * the objections page), not on its first show, which the page's own load covers.
 */
export function useReloadOnReturn(reload: () => unknown): void {
  const shown = useRef(false)
  useDidShow(() => {
    if (shown.current) void reload()
    shown.current = true
  })
}

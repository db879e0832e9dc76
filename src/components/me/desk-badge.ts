import Taro from '@tarojs/taro'
import type { DeskItem } from '../../../types/desk'

/** 我的 is the fourth tab (app.config.ts tabBar.list). */
const ME_TAB = 3

/** The number on the 我的 tab: how many things wait on the 工作台 (none → no badge). */
export function showDeskBadge(items: DeskItem[] | null): void {
  const waiting = (items ?? []).reduce((n, i) => n + i.count, 0)
  try {
    if (waiting > 0) void Promise.resolve(Taro.setTabBarBadge({ index: ME_TAB, text: waiting > 99 ? '99+' : String(waiting) })).catch(() => undefined)
    else void Promise.resolve(Taro.removeTabBarBadge({ index: ME_TAB })).catch(() => undefined)
  } catch {
    // not on a tab page (or no tab bar in this build): nothing to mark
  }
}

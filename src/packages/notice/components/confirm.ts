import Taro from '@tarojs/taro'

/**
 * Asks once, in plain words, before an action that cannot be undone or reaches many people.
 * `confirmText` is what the button does (WeChat shows at most 4 characters). True only on confirm.
 */
export async function confirmed(title: string, content: string, confirmText: string): Promise<boolean> {
  const res = await Taro.showModal({ title, content, confirmText, cancelText: '再想想' })
  return !!res.confirm
}

/** Last day of a 公示期 whose end is the exclusive next-midnight instant. */
export function lastDayOf(end: string): string {
  return new Date(Date.parse(end) - 1).toISOString()
}

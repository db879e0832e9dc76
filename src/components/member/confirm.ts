import Taro from '@tarojs/taro'

/**
 * Asks once, in plain words, before an irreversible or far-reaching action (who, what happens).
 * Resolves true only when the person confirms.
 */
export async function confirmAction(title: string, content: string, confirmText: string): Promise<boolean> {
  try {
    const res = await Taro.showModal({ title, content, confirmText, cancelText: '再想想', confirmColor: '#c8372d' })
    return Boolean(res.confirm)
  } catch {
    return false
  }
}

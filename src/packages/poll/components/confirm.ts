import Taro from '@tarojs/taro'

/** Asks once, in plain words, before an irreversible step; true only on 确定. */
export async function confirmStep(title: string, content: string, confirmText = '确定'): Promise<boolean> {
  try {
    const r = await Taro.showModal({ title, content, confirmText, cancelText: '再想想' })
    return !!r.confirm
  } catch {
    return false
  }
}

/** A short message after a step (success or refusal). */
export function tell(title: string, content: string): void {
  void Taro.showModal({ title, content, showCancel: false })
}

import Taro from '@tarojs/taro'

/** Asks once, in plain words, before an irreversible step; true only on the confirm button (≤ 4 characters). */
export async function confirmStep(title: string, content: string, confirmText: string): Promise<boolean> {
  try {
    const r = await Taro.showModal({ title, content, confirmText: confirmText.length <= 4 ? confirmText : '确定', cancelText: '再想想' })
    return !!r.confirm
  } catch {
    return false
  }
}

export function tell(title: string, content: string): void {
  void Taro.showModal({ title, content, showCancel: false })
}

import Taro from '@tarojs/taro'

/*
 * The poll package's confirm/tell, for this subpackage: a subpackage cannot load another's modules,
 * so the two small helpers live in each package that uses them.
 */

/** Asks once before an irreversible step; WeChat refuses a confirmText over 4 characters. */
export async function confirmStep(title: string, content: string, confirmText = '确定'): Promise<boolean> {
  try {
    const r = await Taro.showModal({ title, content, confirmText: confirmText.length <= 4 ? confirmText : '确定', cancelText: '再想想' })
    return !!r.confirm
  } catch {
    return false
  }
}

/** A short message after a step (success or refusal). */
export function tell(title: string, content: string): void {
  void Taro.showModal({ title, content, showCancel: false })
}

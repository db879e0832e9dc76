import Taro from '@tarojs/taro'

// One home for the subpackages' dialogs (poll, 教代会, plan): a subpackage cannot load another's
// modules, but every one can load the main package's services.

/**
 * Asks once, in plain words, before an irreversible step; true only on the confirm button.
 * WeChat refuses a confirmText over 4 characters (the dialog then never shows), so a longer one falls back to 确定.
 */
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

import Taro from '@tarojs/taro'

type Guard = { enableAlertBeforeUnload?: (o: { message: string }) => void; disableAlertBeforeUnload?: () => void }
const api = Taro as unknown as Guard

export const UNSAVED_CODE_MESSAGE = '回执码只显示这一次，你还没有复制，也没有记在这台手机上。离开后无法找回。'

/**
 * WeChat's own back button asks before leaving while the receipt code is unsaved (base library
 * 2.12+; elsewhere, e.g. the browser demo, nothing happens). The page's 返回 button asks itself.
 */
export function guardLeaving(unsaved: boolean): void {
  try {
    if (unsaved) api.enableAlertBeforeUnload?.({ message: UNSAVED_CODE_MESSAGE })
    else api.disableAlertBeforeUnload?.()
  } catch {
    // Not supported here: the 返回 button still asks.
  }
}

/** Asks once, in plain words, before leaving an unsaved code. Resolves 'remember', 'stay' or 'leave'. */
export async function confirmLeavingUnsaved(): Promise<'remember' | 'stay'> {
  const { confirm } = await Taro.showModal({
    title: '回执码还没保存',
    content: `${UNSAVED_CODE_MESSAGE}要把它记在这台手机上再离开吗？`,
    confirmText: '记住并离开',
    cancelText: '留在本页',
  })
  return confirm ? 'remember' : 'stay'
}

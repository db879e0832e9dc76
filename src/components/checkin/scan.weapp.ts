import Taro from '@tarojs/taro'

export const canScan = true
/** The camera scanner; only QR codes (a check-in code is one). */
export async function scanCode(): Promise<string> {
  const r = await Taro.scanCode({ onlyFromCamera: true, scanType: ['qrCode'] })
  return r.result
}

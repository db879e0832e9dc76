import Taro from '@tarojs/taro'
import { newRequestId } from '@/services/request-id'

type RandomValues = (o: { length: number }) => Promise<{ randomValues: ArrayBuffer }>

/**
 * 32 hex characters (128 bits) from WeChat's cryptographic generator (wx.getRandomValues, base
 * library 2.15.0+). On an older base library, Math.random (via newRequestId) — weaker, but it
 * only ever names the submitter's own form and staged files.
 * Platform file: random-hex.h5.ts (the browser's crypto.getRandomValues).
 */
export async function randomHex(): Promise<string> {
  const get = (Taro as unknown as { getRandomValues?: RandomValues }).getRandomValues
  try {
    if (typeof get === 'function') {
      const { randomValues } = await get({ length: 16 })
      return [...new Uint8Array(randomValues)].map((b) => b.toString(16).padStart(2, '0')).join('')
    }
  } catch {
    // fall through to the weaker generator
  }
  return (newRequestId() + newRequestId()).replace(/[^0-9a-z]/g, '').slice(-32)
}

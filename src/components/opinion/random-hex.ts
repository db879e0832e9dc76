import { newRequestId } from '@/services/request-id'

type RandomOption = { length: number; success: (r: { randomValues: ArrayBuffer }) => void; fail: (e: unknown) => void }
type WeChat = { getRandomValues?: (o: RandomOption) => void; getUserCryptoManager?: () => { getRandomValues?: (o: RandomOption) => void } }
// The mini program's global (Taro 4.1 does not wrap getRandomValues); absent in tests and old base libraries.
declare const wx: WeChat | undefined

/** WeChat's cryptographic generator (wx.getRandomValues, base library 2.15.0+), or null where there is none. */
function wechatRandom(length: number): Promise<Uint8Array> | null {
  const api = typeof wx === 'undefined' ? undefined : wx
  const get = api?.getRandomValues?.bind(api) ?? api?.getUserCryptoManager?.().getRandomValues
  if (typeof get !== 'function') return null
  return new Promise((resolve, reject) => get({ length, success: (r) => resolve(new Uint8Array(r.randomValues)), fail: reject }))
}

/**
 * 32 hex characters (128 bits) from WeChat's cryptographic generator. On a base library without
 * one, Math.random (via newRequestId) — weaker, but it only ever names the submitter's own form and
 * staged files. Platform file: random-hex.h5.ts (the browser's crypto.getRandomValues).
 */
export async function randomHex(): Promise<string> {
  try {
    const bytes = await wechatRandom(16)
    if (bytes && bytes.length === 16) return Array.from(bytes).map((b) => b.toString(16).padStart(2, '0')).join('')
  } catch {
    // fall through to the weaker generator
  }
  return (newRequestId() + newRequestId()).replace(/[^0-9a-z]/g, '').slice(-32)
}

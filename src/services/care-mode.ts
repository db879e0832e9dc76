import Taro from '@tarojs/taro'

/**
 * 关怀模式 (larger text, higher contrast) is a per-device preference: it lives in local
 * storage, not on the server, so it works before sign-in and for visitors too.
 */
export const CARE_MODE_KEY = 'jgzj.careMode'

let current: boolean | null = null
const listeners = new Set<() => void>()

export function getCareMode(): boolean {
  if (current === null) {
    try {
      current = Taro.getStorageSync(CARE_MODE_KEY) === true
    } catch {
      current = false
    }
  }
  return current
}

/** Saves first, then notifies every mounted page so tabs already open switch at once. */
export function setCareMode(on: boolean): void {
  current = on
  try {
    Taro.setStorageSync(CARE_MODE_KEY, on)
  } catch {
    // Storage full or unavailable: the switch still applies for this session.
  }
  listeners.forEach((listener) => listener())
}

export function subscribeCareMode(listener: () => void): () => void {
  listeners.add(listener)
  return () => {
    listeners.delete(listener)
  }
}

import Taro from '@tarojs/taro'

/**
 * Trackers (核对码) remembered on THIS phone, by poll, so the voter can find their ballot in the
 * list after the close. Kept only here (the server never links a tracker to anyone); a shared
 * device used with 评议码 never remembers one.
 */
const KEY = 'poll.trackers'
const MAX = 50

type Remembered = Record<string, string>

function all(): Remembered {
  try {
    const raw = Taro.getStorageSync(KEY)
    return raw && typeof raw === 'object' && !Array.isArray(raw) ? (raw as Remembered) : {}
  } catch {
    return {}
  }
}

export function rememberedTracker(pollId: string): string | undefined {
  return all()[pollId]
}

export function rememberTracker(pollId: string, tracker: string): void {
  const entries = Object.entries({ ...all(), [pollId]: tracker }).slice(-MAX)
  Taro.setStorageSync(KEY, Object.fromEntries(entries))
}

export function forgetTracker(pollId: string): void {
  const { [pollId]: _gone, ...rest } = all()
  Taro.setStorageSync(KEY, rest)
}

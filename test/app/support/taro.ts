/**
 * @tarojs/taro for jsdom: in-memory storage, navigation spies, and page lifecycle hooks that
 * tests can fire (`fireReachBottom()`), instead of Taro's platform runtime.
 * Use: jest.mock('@tarojs/taro', () => require('./support/taro'))
 */
// On globalThis so "the device" keeps its storage across jest.resetModules() (an app restart).
const g = globalThis as { __taroStorage?: Map<string, unknown> }
const storage = (g.__taroStorage ??= new Map<string, unknown>())
const handlers = { pullDown: new Set<() => void>(), reachBottom: new Set<() => void>() }

function useRegistered(set: Set<() => void>, fn: () => void) {
  // Required lazily so a test that resets modules gets the same React as its components.
  const { useEffect, useRef } = require('react') as typeof import('react')
  const ref = useRef(fn)
  ref.current = fn
  useEffect(() => {
    const call = () => ref.current()
    set.add(call)
    return () => {
      set.delete(call)
    }
  }, [set])
}

export const routerParams: Record<string, string> = {}

const Taro = {
  getStorageSync: jest.fn((key: string) => (storage.has(key) ? storage.get(key) : '')),
  setStorageSync: jest.fn((key: string, value: unknown) => {
    storage.set(key, value)
  }),
  navigateTo: jest.fn(async () => ({})),
  switchTab: jest.fn(async () => ({})),
  reLaunch: jest.fn(async () => ({})),
  stopPullDownRefresh: jest.fn(),
  cloud: { init: jest.fn(), callFunction: jest.fn() },
}

export default Taro
export const useLaunch = () => {}
export const useDidShow = () => {}
export const usePullDownRefresh = (fn: () => void) => useRegistered(handlers.pullDown, fn)
export const useReachBottom = (fn: () => void) => useRegistered(handlers.reachBottom, fn)
export const useRouter = () => ({ params: routerParams })

export function resetTaroMock() {
  storage.clear()
  for (const k of Object.keys(routerParams)) delete routerParams[k]
  jest.clearAllMocks()
}
export const fireReachBottom = () => handlers.reachBottom.forEach((h) => h())
export const firePullDown = () => handlers.pullDown.forEach((h) => h())
export const storageContents = storage

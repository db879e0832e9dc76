import type { ReactNode } from 'react'
import { View } from '@tarojs/components'
import { useCareMode } from '@/hooks/useCareMode'
// Platform file: the local (h5) build swaps in a gate that asks for a dev sign-in first;
// the weapp build gets the pass-through default. Relative import so Taro's suffix
// resolution applies.
import { SessionGate } from './SessionGate'
// Platform file: h5 styles Taro's title bar and tab bar; weapp has WeChat's own.
import { useH5Shell } from './H5Shell'

/** Root of every page: carries the design tokens and the 关怀模式 class. */
export function PageShell({ children }: { children: ReactNode }) {
  const [care] = useCareMode()
  useH5Shell(care)
  return (
    <View className={care ? 'page-shell page-shell--care' : 'page-shell'} data-care={care ? '1' : '0'}>
      <SessionGate>{children}</SessionGate>
    </View>
  )
}

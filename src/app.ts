// Must stay the first import: schemas created before it would try `new Function`.
import './services/zod-setup'
import type { PropsWithChildren } from 'react'
import { useLaunch } from '@tarojs/taro'
// Platform file: wx.cloud.init in weapp, nothing in the local build.
import { initCloud } from './services/cloud'
import './app.scss'

function App({ children }: PropsWithChildren) {
  useLaunch(() => {
    initCloud()
  })
  return children
}

export default App

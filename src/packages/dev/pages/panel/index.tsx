import { useState } from 'react'
import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { PageShell } from '@/components/page-shell/PageShell'
import { AppButton } from '@/components/AppButton'
import { releaseTodaysOpinions } from '../../demo-release'
import '@/components/opinion/opinion.scss'

/**
 * 演示工具 — local (h5) build only: app.config.ts lists this subpackage only when TARO_ENV is h5,
 * so none of it is in the weapp build. Lets the demo show an anonymous opinion reaching the chair
 * without waiting for tomorrow's daily batch.
 */
export default function DevPanelPage() {
  const [busy, setBusy] = useState(false)
  const [note, setNote] = useState('')
  const release = async () => {
    setBusy(true)
    setNote('')
    try {
      const n = await releaseTodaysOpinions()
      setNote(n ? `已放出 ${n} 条匿名意见：主席现在可以在「意见箱 → 处理意见」里看到。` : '今天没有等待放出的匿名意见。')
    } catch (err) {
      setNote(`没有放出：${err instanceof Error ? err.message : String(err)}`)
    } finally {
      setBusy(false)
    }
  }
  return (
    <PageShell>
      <View className='op-section' data-dev-panel>
        <Text className='op-section__title'>意见箱：每日一批</Text>
        <Text className='op-form__hint'>
          匿名意见不会马上交给工会：每天零点过后，前一天的匿名意见一起交给主席（每日一批），这样谁也看不出是哪个时刻写的。演示时不必等到明天——点下面的按钮，就像第二天的那一批到了。
        </Text>
        <AppButton block disabled={busy} onClick={() => void release()}>{busy ? '正在放出…' : '放出今天的匿名意见'}</AppButton>
        {note ? <Text className='op-note' data-release-note>{note}</Text> : null}
        <AppButton block variant='secondary' onClick={() => void Taro.navigateTo({ url: '/packages/dev/pages/sign-in/index' })}>切换身份</AppButton>
      </View>
    </PageShell>
  )
}

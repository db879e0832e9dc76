import { useState } from 'react'
import Taro from '@tarojs/taro'
import { View, Text, Textarea } from '@tarojs/components'
import { AppButton } from '@/components/AppButton'
import { useCheckinScan } from '@/hooks/useCheckinScan'
import { congressApi } from '../api'
import '@/components/form/form.scss'

/**
 * 扫码签到 on congress day (提案工作委员会): scan a 代表's 签到码 — or paste its text in the browser.
 * Each result says who was signed in, or why not (used, expired, not of this session).
 */
export function ScanCheckin({ sessionId, onSigned }: { sessionId: string; onSigned: () => void }) {
  const [done, setDone] = useState<string[]>([])
  const c = useCheckinScan((token) => congressApi.checkinByToken(sessionId, token), (r) => {
    const who = `${r.signedIn?.name ?? ''}${r.signedIn?.guest ? '（列席）' : ''}`
    setDone((prev) => [`${who} 签到成功`, ...prev])
    void Taro.showToast({ title: `${who} 签到成功`, icon: 'success' })
    onSigned()
  })

  return (
    <View className='cg-card' data-testid='scan-checkin'>
      <Text className='cg-strong'>扫码签到</Text>
      {c.canScan ? <View className='cg-actions'><AppButton block onClick={() => void c.scan()}>扫一扫代表的签到码</AppButton></View> : null}
      <Text className='field__label'>{c.canScan ? '或粘贴签到码' : '粘贴代表的签到码'}</Text>
      <Textarea className='textarea' value={c.text} placeholder='签到码以 JD1. 开头' onInput={(e) => c.setText(e.detail.value)} name='checkinToken' />
      <View className='cg-actions'><AppButton block disabled={c.busy} onClick={() => void c.submit(c.text)}>签到</AppButton></View>
      {c.error ? <View className='field__error' role='alert' data-testid='checkin-error'>{c.error}</View> : null}
      {done.map((line, i) => <Text key={`${line}-${i}`} className='cg-line' data-testid='signed-in'>{line}</Text>)}
    </View>
  )
}

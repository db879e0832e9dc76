import { useState } from 'react'
import { View, Text, Picker } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { AppButton } from '@/components/AppButton'
import { noticeApi } from '@/components/notice/api'
import { messageOf } from '@/services/call'
import { files } from '@/services/files'
import { todayShanghai } from '@/utils/time'
import './notice-detail.scss'
import './editor.scss'

/** The chair's Excel ledger of every notice published between two days (at most a year). */
export function LedgerExport() {
  const today = todayShanghai()
  const [from, setFrom] = useState(`${today.slice(0, 4)}-01-01`)
  const [to, setTo] = useState(today)
  const [busy, setBusy] = useState(false)
  const run = async () => {
    setBusy(true)
    try {
      const out = await noticeApi.exportLedger(from, to)
      await files.openFile(out.url, out.fileName)
    } catch (err) {
      void Taro.showModal({ title: '没有导出', content: messageOf(err), showCancel: false })
    } finally {
      setBusy(false)
    }
  }
  return (
    <View className='notice-card' data-section='ledger'>
      <Text className='notice-card__title'>导出公开台账（Excel）</Text>
      <View className='editor-dates'>
        <Picker mode='date' value={from} onChange={(e) => setFrom(String(e.detail.value))}>
          <View className='editor-date'><Text>{from}</Text></View>
        </Picker>
        <Text className='editor-dates__sep'>至</Text>
        <Picker mode='date' value={to} onChange={(e) => setTo(String(e.detail.value))}>
          <View className='editor-date'><Text>{to}</Text></View>
        </Picker>
      </View>
      <View className='chair-actions'>
        <AppButton variant='secondary' disabled={(busy) || undefined} onClick={() => void run()}>{busy ? '正在生成…' : '导出台账'}</AppButton>
      </View>
    </View>
  )
}

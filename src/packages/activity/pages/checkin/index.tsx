import { useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { View, Text, Textarea } from '@tarojs/components'
import type { CheckinOutput } from '../../../../../types/activity'
import { PageShell } from '@/components/page-shell/PageShell'
import { AppButton } from '@/components/AppButton'
import { activityApi } from '@/components/activity/api'
import { messageOf } from '@/services/call'
import { formatDateTime } from '@/utils/time'
import { canScan, scanCode } from '../../components/scan'
import '../../components/form.scss'

/** 扫码签到: scan a member's code (or paste it in the browser); each result says who, or why not. */
export default function CheckinPage() {
  const { params } = useRouter()
  const [text, setText] = useState('')
  const [done, setDone] = useState<CheckinOutput[]>([])
  const [error, setError] = useState('')
  const [busy, setBusy] = useState(false)

  const submit = async (token: string) => {
    if (!token.trim()) return
    setBusy(true)
    setError('')
    try {
      const r = await activityApi.checkin(token.trim())
      setDone((prev) => [r, ...prev])
      setText('')
      void Taro.showToast({ title: `${r.name} 签到成功`, icon: 'success' })
    } catch (err) {
      setError(messageOf(err))
    } finally {
      setBusy(false)
    }
  }
  const scan = async () => {
    try {
      await submit(await scanCode())
    } catch {
      // cancelled the camera: nothing to do
    }
  }

  return (
    <PageShell>
      <View className='form'>
        {canScan ? <View className='actions'><AppButton block onClick={() => void scan()}>扫一扫会员的签到码</AppButton></View> : null}
        <Text className='field__label'>{canScan ? '或粘贴签到码' : '粘贴会员的签到码'}</Text>
        <Textarea className='textarea' value={text} placeholder='签到码以 JG1. 开头' onInput={(e) => setText(e.detail.value)} name='checkinToken' />
        <View className='actions'><AppButton block disabled={busy} onClick={() => void submit(text)}>签到</AppButton></View>
        {error ? <View className='field__error' role='alert' data-testid='checkin-error'>{error}</View> : null}
      </View>
      {done.length ? <Text className='section-title'>本次已签到</Text> : null}
      {done.map((r) => (
        <View className='summary' key={`${r.name}-${r.checkedInAt}`} data-testid='checked-in'>
          <Text className='state-line state-line--confirmed'>{`${r.name} 签到成功`}</Text>
          <Text className='summary__line'>{`${r.department} · ${r.activityTitle}${r.guests ? ` · 携带家属 ${r.guests} 人` : ''} · ${formatDateTime(r.checkedInAt)}`}</Text>
        </View>
      ))}
      {params.id ? <View className='actions'><AppButton block variant='secondary' onClick={() => void Taro.navigateTo({ url: `/packages/activity/pages/roster/index?id=${encodeURIComponent(params.id!)}&filter=checkedIn` })}>查看签到名单</AppButton></View> : null}
    </PageShell>
  )
}

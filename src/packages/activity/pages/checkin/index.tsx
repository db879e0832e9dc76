import { useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { View, Text, Textarea } from '@tarojs/components'
import type { CheckinOutput } from '../../../../../types/activity'
import { PageShell } from '@/components/page-shell/PageShell'
import { AppButton } from '@/components/AppButton'
import { activityApi } from '@/components/activity/api'
import { formatDateTime } from '@/utils/time'
import { useCheckinScan } from '@/hooks/useCheckinScan'
import '../../components/form.scss'

/** 扫码签到: scan a member's code (or paste it in the browser); each result says who, or why not. */
export default function CheckinPage() {
  const { params } = useRouter()
  const [done, setDone] = useState<CheckinOutput[]>([])
  const c = useCheckinScan((token) => activityApi.checkin(token), (r) => {
    setDone((prev) => [r, ...prev])
    void Taro.showToast({ title: `${r.name} 签到成功`, icon: 'success' })
  })

  return (
    <PageShell>
      <View className='form'>
        {c.canScan ? <View className='actions'><AppButton block onClick={() => void c.scan()}>扫一扫会员的签到码</AppButton></View> : null}
        <Text className='field__label'>{c.canScan ? '或粘贴签到码' : '粘贴会员的签到码'}</Text>
        <Textarea className='textarea' value={c.text} placeholder='签到码以 JG1. 开头' onInput={(e) => c.setText(e.detail.value)} name='checkinToken' />
        <View className='actions'><AppButton block disabled={c.busy} onClick={() => void c.submit(c.text)}>签到</AppButton></View>
        {c.error ? <View className='field__error' role='alert' data-testid='checkin-error'>{c.error}</View> : null}
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

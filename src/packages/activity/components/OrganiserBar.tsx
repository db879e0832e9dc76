import { useState } from 'react'
import Taro from '@tarojs/taro'
import { View, Text, Textarea } from '@tarojs/components'
import type { ActivityDetail } from '../../../../types/activity'
import { AppButton } from '@/components/AppButton'
import { activityApi } from '@/components/activity/api'
import { messageOf } from '@/services/call'
import './form.scss'

const go = (url: string) => void Taro.navigateTo({ url })

/** What a committee member or the chair can do with this activity, by its state. */
export function OrganiserBar({ a, onChanged }: { a: ActivityDetail; onChanged: () => void }) {
  const [reason, setReason] = useState('')
  const [cancelling, setCancelling] = useState(false)
  const [error, setError] = useState('')
  const id = encodeURIComponent(a.id)
  const run = async (what: () => Promise<unknown>, done: string) => {
    setError('')
    try {
      await what()
      void Taro.showToast({ title: done, icon: 'success' })
      setCancelling(false)
      onChanged()
    } catch (err) {
      setError(messageOf(err))
    }
  }
  return (
    <View className='summary' data-testid='organiser-bar'>
      <Text className='summary__line'>组织者操作</Text>
      <View className='toolbar'>
        {a.state !== 'draft' ? <Text className='toolbar__item' onClick={() => go(`/packages/activity/pages/roster/index?id=${id}`)}>报名名单</Text> : null}
        {a.state === 'published' ? <Text className='toolbar__item' onClick={() => go(`/packages/activity/pages/checkin/index?id=${id}`)}>扫码签到</Text> : null}
        {a.state === 'draft' ? <Text className='toolbar__item' onClick={() => go(`/packages/activity/pages/edit/index?id=${id}`)}>编辑</Text> : null}
        {a.state === 'draft' ? <Text className='toolbar__item' onClick={() => void run(() => activityApi.publish(a.id), '已发布')}>发布</Text> : null}
        {a.state === 'published' && (a.status === 'ongoing' || a.status === 'ended') ? <Text className='toolbar__item' onClick={() => void run(() => activityApi.finish(a.id), '已结束')}>标记结束</Text> : null}
        {a.state === 'draft' || a.state === 'published' ? <Text className='toolbar__item' onClick={() => setCancelling(!cancelling)}>取消活动</Text> : null}
      </View>
      {cancelling ? (
        <View>
          <Textarea className='textarea' placeholder='取消原因（会通知所有报名和候补的会员）' value={reason} onInput={(e) => setReason(e.detail.value)} maxlength={100} />
          <AppButton block onClick={() => void run(() => activityApi.cancelActivity(a.id, reason), '已取消')}>确认取消活动</AppButton>
        </View>
      ) : null}
      {error ? <View className='field__error' role='alert'>{error}</View> : null}
    </View>
  )
}

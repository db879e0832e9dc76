import { useState } from 'react'
import Taro from '@tarojs/taro'
import { View, Text, Textarea } from '@tarojs/components'
import type { ActivityDetail } from '../../../../types/activity'
import { AppButton } from '@/components/AppButton'
import { activityApi } from '@/components/activity/api'
import { messageOf } from '@/services/call'
import { publishSummary } from './publish-summary'
import './form.scss'

const go = (url: string) => void Taro.navigateTo({ url })

/** Asks once, in plain words; true when the organiser confirmed. */
async function confirm(title: string, content: string, confirmText: string): Promise<boolean> {
  const r = await Taro.showModal({ title, content, confirmText, cancelText: '再想想' })
  return r.confirm
}

/** Who hears about a cancellation: everyone holding a place or waiting. */
export function cancelNotice(a: Pick<ActivityDetail, 'state' | 'confirmedCount' | 'waitlistCount'>): string {
  const told = a.state === 'published' ? a.confirmedCount + a.waitlistCount : 0
  return told > 0 ? `取消后活动不能恢复，已报名和候补的 ${told} 位会员会收到取消通知（含你填写的原因）。` : '取消后活动不能恢复。目前还没有人报名。'
}

/** What a committee member or the chair can do with this activity, by its state. Publish and cancel ask once. */
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
  const publish = async () => {
    if (await confirm('发布这个活动？', publishSummary(a), '确认发布')) await run(() => activityApi.publish(a.id), '已发布')
  }
  const cancelActivity = async () => {
    if (reason.trim().length < 2) return setError('请先填写取消原因（至少两个字）。')
    if (await confirm('取消这个活动？', cancelNotice(a), '确认取消活动')) await run(() => activityApi.cancelActivity(a.id, reason), '已取消')
  }
  return (
    <View className='summary' data-testid='organiser-bar'>
      <Text className='summary__line'>组织者操作</Text>
      <View className='toolbar'>
        {a.state !== 'draft' ? <Text className='toolbar__item' onClick={() => go(`/packages/activity/pages/roster/index?id=${id}`)}>报名名单</Text> : null}
        {a.state === 'published' ? <Text className='toolbar__item' onClick={() => go(`/packages/activity/pages/checkin/index?id=${id}`)}>扫码签到</Text> : null}
        {a.state === 'draft' ? <Text className='toolbar__item' onClick={() => go(`/packages/activity/pages/edit/index?id=${id}`)}>编辑</Text> : null}
        {a.state === 'draft' ? <Text className='toolbar__item' data-testid='publish' onClick={() => void publish()}>发布</Text> : null}
        {a.state === 'published' && (a.status === 'ongoing' || a.status === 'ended') ? <Text className='toolbar__item' onClick={() => void run(() => activityApi.finish(a.id), '已结束')}>标记结束</Text> : null}
        {a.state === 'draft' || a.state === 'published' ? <Text className='toolbar__item' onClick={() => setCancelling(!cancelling)}>取消活动</Text> : null}
      </View>
      {cancelling ? (
        <View>
          <Textarea className='textarea' placeholder='取消原因（会通知所有报名和候补的会员）' value={reason} onInput={(e) => setReason(e.detail.value)} maxlength={100} />
          <AppButton block onClick={() => void cancelActivity()}>确认取消活动</AppButton>
        </View>
      ) : null}
      {error ? <View className='field__error' role='alert'>{error}</View> : null}
    </View>
  )
}

import { useState } from 'react'
import Taro, { useRouter, useShareAppMessage } from '@tarojs/taro'
import { View, Text, Image } from '@tarojs/components'
import type { ActivityDetail, Answers } from '../../../../../types/activity'
import { PageShell } from '@/components/page-shell/PageShell'
import { Tag } from '@/components/common/Tag'
import { DetailRow } from '@/components/common/DetailRow'
import { LoadingState } from '@/components/states/LoadingState'
import { ErrorState } from '@/components/states/ErrorState'
import { activityStatusTag, audienceLabels, cancelPolicyLabels, placesText, shareTitle, waitText } from '@/components/activity/activity-labels'
import { activityApi } from '@/components/activity/api'
import { useActivityDetail } from '@/hooks/useActivityDetail'
import { usePageRefresh } from '@/hooks/usePageRefresh'
import { messageOf } from '@/services/call'
import { formatDateTime } from '@/utils/time'
import { SignupForm } from '../../components/SignupForm'
import { RegistrationCard } from '../../components/RegistrationCard'
import { OrganiserBar } from '../../components/OrganiserBar'
import { askForActivityMessages } from '../../components/subscribe'
import '@/components/common/detail.scss'

function audienceText(a: ActivityDetail): string {
  return a.audience.kind === 'departments' ? (a.audience.departments ?? []).join('、') : audienceLabels[a.audience.kind]
}

/** Activity detail: what, when, places; sign up (or join the waitlist), the member's own registration, organiser actions. */
export default function ActivityDetailPage() {
  const { params } = useRouter()
  const detail = useActivityDetail(params.id)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState('')
  usePageRefresh([detail.reload])
  useShareAppMessage(() => ({
    title: detail.data ? shareTitle(detail.data) : '工会活动报名',
    path: `/packages/activity/pages/detail/index?id=${encodeURIComponent(params.id ?? '')}`,
  }))

  if (detail.loading) return <PageShell><LoadingState text='正在加载活动…' /></PageShell>
  if (detail.error || !detail.data) return <PageShell><ErrorState message={detail.error?.message ?? '活动不存在'} onRetry={detail.reload} /></PageShell>
  const a = detail.data

  const act = async (what: () => Promise<unknown>, done: (r: any) => string) => {
    setBusy(true)
    setError('')
    try {
      const r = await what()
      void Taro.showToast({ title: done(r), icon: 'none' })
      await detail.reload()
    } catch (err) {
      setError(messageOf(err))
    } finally {
      setBusy(false)
    }
  }
  const signUp = (answers: Answers, guests: number) => {
    askForActivityMessages()
    void act(() => activityApi.register({ activityId: a.id, answers, guests }), (r) => (r.state === 'waitlisted' ? `已进入${waitText(r.waitPosition)}` : r.state === 'pending' ? '已报名，等待审核' : '报名成功'))
  }
  const editAnswers = async (answers: Answers): Promise<boolean> => {
    const reg = a.registration!
    setBusy(true)
    setError('')
    try {
      await activityApi.editAnswers({ activityId: a.id, answers, revision: reg.revision })
      void Taro.showToast({ title: '报名信息已保存', icon: 'none' })
      await detail.reload()
      return true
    } catch (err) {
      setError(messageOf(err))
      return false
    } finally {
      setBusy(false)
    }
  }
  const cancel = () => void Taro.showModal({ title: '确认取消报名？', content: a.registration?.state === 'waitlisted' ? '退出后候补位置不保留。' : '取消后名额会让给候补的会员。', confirmText: '确认取消', cancelText: '再想想' })
    .then((r) => { if (r.confirm) void act(() => activityApi.cancel(a.id), () => '已取消') })
  const status = activityStatusTag[a.status]
  const canSignUp = (a.status === 'open' || a.status === 'full') && (!a.registration || a.registration.state === 'cancelled')
  const full = a.status === 'full' || (a.capacity > 0 && (a.seatsTaken ?? a.confirmedCount) >= a.capacity)

  return (
    <PageShell>
      <View className='detail'>
        {a.coverUrl ? <Image src={a.coverUrl} mode='widthFix' style={{ width: '100%' }} /> : null}
        <Text className='detail__title'>{a.title}</Text>
        <View className='detail__tags'>
          <Tag tone={status.tone}>{status.label}</Tag>
          <Tag>{a.category}</Tag>
          {a.needsApproval ? <Tag tone='info'>需审核</Tag> : null}
        </View>
        <DetailRow label='开始' value={formatDateTime(a.startAt)} />
        <DetailRow label='结束' value={formatDateTime(a.endAt)} />
        <DetailRow label='地点' value={a.place} />
        <DetailRow label='报名时间' value={`${formatDateTime(a.signupStartAt)} 至 ${formatDateTime(a.signupEndAt)}`} />
        <DetailRow label='名额' value={placesText(a)} />
        <DetailRow label='对象' value={audienceText(a)} />
        <DetailRow label='取消规则' value={cancelPolicyLabels[a.cancelPolicy]} />
        {a.frequency ? <DetailRow label='参加限制' value={`同类活动每 ${a.frequency.years} 年限参加一次`} /> : null}
        {a.cancelReason ? <DetailRow label='取消原因' value={a.cancelReason} /> : null}
        {a.description ? <Text className='detail__para'>{a.description}</Text> : null}
      </View>
      {a.registration && a.registration.state !== 'cancelled' ? (
        <RegistrationCard reg={a.registration} fields={a.fields} busy={busy} onCancel={cancel} onEdit={editAnswers} startEditing={params.edit === '1'} />
      ) : null}
      {error ? <View className='summary' role='alert'><Text className='field__error'>{error}</Text></View> : null}
      {canSignUp ? (
        <SignupForm
          activity={a}
          submitLabel={full ? (a.waitlist ? '名额已满，排队候补' : '名额已满') : a.registration?.state === 'cancelled' ? '重新报名' : '我要报名'}
          busy={busy || (full && !a.waitlist)}
          error=''
          onSubmit={signUp}
        />
      ) : null}
      {a.canManage ? <OrganiserBar a={a} onChanged={() => void detail.reload()} /> : null}
    </PageShell>
  )
}

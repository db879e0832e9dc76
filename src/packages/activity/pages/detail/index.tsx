import { useRouter } from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { PageShell } from '@/components/page-shell/PageShell'
import { Tag } from '@/components/common/Tag'
import { DetailRow } from '@/components/common/DetailRow'
import { BackToList } from '@/components/common/BackToList'
import { activityStatusTag, placesText } from '@/components/activity/activity-labels'
import { recallActivity } from '@/services/selection'
import { formatDateTime } from '@/utils/time'
import '@/components/common/detail.scss'

/** Activity detail: when, where, the sign-up window and places. Registering plugs in here. */
export default function ActivityDetailPage() {
  const { params } = useRouter()
  const a = recallActivity(params.id)
  if (!a) {
    return (
      <PageShell>
        <BackToList what='活动' tabUrl='/pages/activities/index' />
      </PageShell>
    )
  }
  const status = activityStatusTag[a.status]
  return (
    <PageShell>
      <View className='detail'>
        <Text className='detail__title'>{a.title}</Text>
        <View className='detail__tags'>
          <Tag tone={status.tone}>{status.label}</Tag>
          <Tag>{a.category}</Tag>
        </View>
        <DetailRow label='开始' value={formatDateTime(a.startAt)} />
        <DetailRow label='结束' value={formatDateTime(a.endAt)} />
        <DetailRow label='地点' value={a.place} />
        <DetailRow label='报名时间' value={`${formatDateTime(a.signupStartAt)} 至 ${formatDateTime(a.signupEndAt)}`} />
        <DetailRow label='名额' value={placesText(a)} />
      </View>
    </PageShell>
  )
}

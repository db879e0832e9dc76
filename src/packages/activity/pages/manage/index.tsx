import Taro, { useDidShow } from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import type { ActivityManageItem } from '../../../../../types/activity'
import { PageShell } from '@/components/page-shell/PageShell'
import { ListBody } from '@/components/common/ListBody'
import { Tag } from '@/components/common/Tag'
import { AppButton } from '@/components/AppButton'
import { activityStatusTag, placesText } from '@/components/activity/activity-labels'
import { useManagedActivities } from '@/hooks/useManagedActivities'
import { usePageRefresh } from '@/hooks/usePageRefresh'
import { formatDateTime } from '@/utils/time'
import '../../components/form.scss'
import '@/components/activity/activity-item.scss'

function Row({ a }: { a: ActivityManageItem }) {
  const status = activityStatusTag[a.status]
  return (
    <View className='activity-item' data-activity={a.id} onClick={() => void Taro.navigateTo({ url: `/packages/activity/pages/detail/index?id=${encodeURIComponent(a.id)}` })}>
      <Text className='activity-item__title'>{a.title}</Text>
      <View className='activity-item__tags'><Tag tone={status.tone}>{status.label}</Tag><Tag>{a.category}</Tag>{a.pendingCount > 0 ? <Tag tone='info'>{`${a.pendingCount} 人待审核`}</Tag> : null}</View>
      <Text className='activity-item__line'>{`时间：${formatDateTime(a.startAt)}`}</Text>
      <Text className='activity-item__places'>{placesText(a)}</Text>
    </View>
  )
}

/** 组织活动 (committee and chair): every activity including drafts; create a new one. */
export default function ManageActivitiesPage() {
  const list = useManagedActivities()
  usePageRefresh([list.reload], list.loadMore)
  useDidShow(() => void list.reload())
  return (
    <PageShell>
      <View className='actions'>
        <AppButton block onClick={() => void Taro.navigateTo({ url: '/packages/activity/pages/edit/index' })}>新建活动</AppButton>
      </View>
      <ListBody
        list={list}
        loadingText='正在加载活动…'
        empty={{ title: '还没有活动', hint: '点“新建活动”，填好后先存为草稿，检查无误再发布' }}
        renderItem={(a) => <Row key={a.id} a={a} />}
      />
    </PageShell>
  )
}

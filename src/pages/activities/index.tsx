import Taro from '@tarojs/taro'
import type { ActivityListItem } from '../../../types/activity'
import { PageShell } from '@/components/page-shell/PageShell'
import { ListBody } from '@/components/common/ListBody'
import { ActivityItem } from '@/components/activity/ActivityItem'
import { MembersOnly } from '@/components/me/MembersOnly'
import { useActivities } from '@/hooks/useActivities'
import { usePageRefresh } from '@/hooks/usePageRefresh'
import { rememberActivity } from '@/services/selection'

const open = (a: ActivityListItem) => {
  rememberActivity(a)
  void Taro.navigateTo({ url: `/packages/activity/pages/detail/index?id=${encodeURIComponent(a.id)}` })
}

function ActivityList() {
  const activities = useActivities()
  usePageRefresh([activities.reload], activities.loadMore)
  return (
    <ListBody
      list={activities}
      loadingText='正在加载活动…'
      empty={{ title: '现在没有活动', hint: '工会发布活动后会显示在这里，下拉可以刷新' }}
      renderItem={(a) => <ActivityItem key={a.id} activity={a} onOpen={open} />}
    />
  )
}

export default function ActivitiesPage() {
  return (
    <PageShell>
      <MembersOnly reason='活动报名只对工会会员开放。申请加入后，就能在这里报名工会组织的活动。'>
        <ActivityList />
      </MembersOnly>
    </PageShell>
  )
}

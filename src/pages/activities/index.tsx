import Taro from '@tarojs/taro'
import type { ActivityListItem } from '../../../types/activity'
import { hasRole } from '../../../types/role'
import { PageShell } from '@/components/page-shell/PageShell'
import { ListBody } from '@/components/common/ListBody'
import { LoadingState } from '@/components/states/LoadingState'
import { ErrorState } from '@/components/states/ErrorState'
import { ActivityItem } from '@/components/activity/ActivityItem'
import { JoinPrompt } from '@/components/me/JoinPrompt'
import { useMe } from '@/hooks/useMe'
import { useActivities } from '@/hooks/useActivities'
import { usePageRefresh } from '@/hooks/usePageRefresh'
import { rememberActivity } from '@/services/selection'

const open = (a: ActivityListItem) => {
  rememberActivity(a)
  void Taro.navigateTo({ url: `/packages/activity/pages/detail/index?id=${encodeURIComponent(a.id)}` })
}

/** Members only; mounted after useMe says so, so visitors never trigger a refused call. */
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
  const me = useMe()
  usePageRefresh([me.reload])
  const role = me.data?.role
  return (
    <PageShell>
      {me.loading ? <LoadingState /> : null}
      {me.error ? <ErrorState message={me.error.message} onRetry={me.error.retryable ? me.reload : undefined} /> : null}
      {role && !hasRole(role, 'member') ? <JoinPrompt role={role} reason='活动报名只对工会会员开放。申请加入后，就能在这里报名工会组织的活动。' /> : null}
      {role && hasRole(role, 'member') ? <ActivityList /> : null}
    </PageShell>
  )
}

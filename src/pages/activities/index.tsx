import { useState } from 'react'
import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import type { ActivityListItem } from '../../../types/activity'
import { hasRole } from '../../../types/role'
import { PageShell } from '@/components/page-shell/PageShell'
import { ListBody } from '@/components/common/ListBody'
import { SearchBar } from '@/components/common/SearchBar'
import { ActivityItem } from '@/components/activity/ActivityItem'
import { MembersOnly } from '@/components/me/MembersOnly'
import { useActivities } from '@/hooks/useActivities'
import { useMe } from '@/hooks/useMe'
import { usePageRefresh } from '@/hooks/usePageRefresh'
import { rememberActivity } from '@/services/selection'
import '@/components/activity/activity-item.scss'

const open = (a: ActivityListItem) => {
  rememberActivity(a)
  void Taro.navigateTo({ url: `/packages/activity/pages/detail/index?id=${encodeURIComponent(a.id)}` })
}
const go = (url: string) => void Taro.navigateTo({ url })

/** 我的报名 for everyone; 组织活动 for committee and chair. */
function Shortcuts() {
  const me = useMe()
  const organiser = me.data ? hasRole(me.data.role, 'committee') : false
  return (
    <View className='activity-shortcuts'>
      <Text className='activity-shortcuts__item' onClick={() => go('/packages/activity/pages/mine/index')}>我的报名</Text>
      {organiser ? <Text className='activity-shortcuts__item' onClick={() => go('/packages/activity/pages/manage/index')}>组织活动</Text> : null}
    </View>
  )
}

/** What needs action soonest first (sign-ups closing soonest, then coming up, then ended); a search finds any title. */
function ActivityList() {
  const [q, setQ] = useState('')
  const activities = useActivities(q)
  usePageRefresh([activities.reload], activities.loadMore)
  return (
    <>
      <Shortcuts />
      <SearchBar placeholder='搜索活动名称，如 体检、羽毛球' onSearch={setQ} />
      {q ? <Text className='activity-list__note'>{`“${q}”的搜索结果（含已结束的活动）`}</Text> : null}
      <ListBody
        list={activities}
        loadingText='正在加载活动…'
        empty={q ? { title: '没有找到这个活动', hint: '换个词试试，至少输入两个字' } : { title: '现在没有活动', hint: '工会发布活动后会显示在这里，下拉可以刷新' }}
        renderItem={(a) => <ActivityItem key={a.id} activity={a} onOpen={open} />}
      />
      {!q && activities.items.length ? <Text className='activity-list__note'>两个月前结束的活动可以搜索，或在“我的报名”里找到</Text> : null}
    </>
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

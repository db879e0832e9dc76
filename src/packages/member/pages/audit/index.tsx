import { useState } from 'react'
import { View, Text } from '@tarojs/components'
import type { AuditItem } from '../../../../../types/member'
import { PageShell } from '@/components/page-shell/PageShell'
import { ListBody } from '@/components/common/ListBody'
import { FilterChips } from '@/components/common/FilterChips'
import { RoleGate } from '@/components/member/RoleGate'
import { usePagedList } from '@/hooks/usePagedList'
import { useMe } from '@/hooks/useMe'
import { useFillSlot, useRefreshSlot, type RefreshSlot } from '@/components/member/refresh-slot'
import { memberApi } from '@/services/member-api'
import { formatDateTime } from '@/utils/time'
import '@/components/member/member.scss'

/** Function prefixes the log can be narrowed to. */
const AREAS = { 会员: 'member', 公开: 'notice', 意见: 'opinion', 活动: 'activity', 慰问: 'welfare' } as const
type Area = keyof typeof AREAS

function Entry({ a }: { a: AuditItem }) {
  return (
    <View className='audit-item' data-audit={a.action}>
      <View className='audit-item__head'>
        <Text>{a.actorName}</Text>
        <Text>{formatDateTime(a.at)}</Text>
      </View>
      <Text className='audit-item__label'>{a.actionLabel}</Text>
      <Text className='audit-item__what'>{a.sentence}</Text>
    </View>
  )
}

function Log({ refresh }: { refresh: RefreshSlot }) {
  const [area, setArea] = useState<Area | undefined>()
  const list = usePagedList(area ?? 'all', (page) => memberApi.auditLog({ area: area ? AREAS[area] : undefined, page }))
  useFillSlot(refresh, [list.reload], list.loadMore)
  return (
    <View>
      <FilterChips options={Object.keys(AREAS) as Area[]} value={area} onChange={setArea} />
      <ListBody list={list} loadingText='正在读取操作日志…' empty={{ title: '还没有管理操作', hint: '审核、发布、更正、导出等操作都会记在这里' }} renderItem={(a) => <Entry key={a.id} a={a} />} />
    </View>
  )
}

/** 操作日志: every admin action in the app, newest first; append-only, read by the chair. */
export default function AuditLogPage() {
  const me = useMe()
  const refresh = useRefreshSlot(me.reload)
  return (
    <PageShell>
      <RoleGate need='chair'>
        <Log refresh={refresh} />
      </RoleGate>
    </PageShell>
  )
}

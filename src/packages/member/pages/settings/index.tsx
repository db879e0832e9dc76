import { useShareAppMessage } from '@tarojs/taro'
import { Text } from '@tarojs/components'
import { PageShell } from '@/components/page-shell/PageShell'
import { RoleGate } from '@/components/member/RoleGate'
import { JoinPathsCard } from '@/components/member/JoinPathsCard'
import { InvitesCard } from '@/components/member/InvitesCard'
import { RosterCard } from '@/components/member/RosterCard'
import { DepartmentsCard } from '@/components/member/DepartmentsCard'
import '@/components/form/form.scss'
import '@/components/member/member.scss'

/** The chair's joining settings: open paths and the staff group, invites, the roster, departments. */
export default function MemberSettingsPage() {
  // An invite's 分享 button (open-type share) carries its code: the card opens the join form with it filled in.
  useShareAppMessage((res) => {
    const code = (res.target as { dataset?: { code?: string } } | undefined)?.dataset?.code
    return code
      ? { title: '邀请你加入学校工会的"教工之家"', path: `/packages/member/pages/apply/index?invite=${code}` }
      : { title: '教工之家', path: '/pages/notices/index' }
  })
  return (
    <PageShell>
      <RoleGate need='chair'>
        <Text className='member-section'>加入方式</Text>
        <JoinPathsCard />
        <Text className='member-section'>邀请码</Text>
        <InvitesCard />
        <Text className='member-section'>教职工名册</Text>
        <RosterCard />
        <Text className='member-section'>部门</Text>
        <DepartmentsCard />
      </RoleGate>
    </PageShell>
  )
}

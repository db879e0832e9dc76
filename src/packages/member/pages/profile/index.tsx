import { View, Text } from '@tarojs/components'
import { roleLabels } from '../../../../../types/role'
import { PageShell } from '@/components/page-shell/PageShell'
import { LoadingState } from '@/components/states/LoadingState'
import { ErrorState } from '@/components/states/ErrorState'
import { DetailRow } from '@/components/common/DetailRow'
import { JoinPrompt } from '@/components/me/JoinPrompt'
import { useMe } from '@/hooks/useMe'
import { usePageRefresh } from '@/hooks/usePageRefresh'
import '@/components/common/detail.scss'

/** My member record as the union holds it; wrong details are corrected by the union (contact line below). */
export default function MemberProfilePage() {
  const me = useMe()
  usePageRefresh([me.reload])
  const member = me.data?.member
  return (
    <PageShell>
      {me.loading ? <LoadingState text='正在读取你的资料…' /> : null}
      {me.error ? <ErrorState message={me.error.message} onRetry={me.error.retryable ? me.reload : undefined} /> : null}
      {me.data && !member ? <JoinPrompt role={me.data.role} /> : null}
      {me.data && member ? (
        <View className='detail'>
          <Text className='detail__title'>{member.name}</Text>
          <DetailRow label='部门' value={member.department} />
          <DetailRow label='状态' value={member.status} />
          <DetailRow label='身份' value={member.roleLabel || roleLabels[me.data.role]} />
          <Text className='detail__para muted'>资料有误？请联系工会委员更正。</Text>
        </View>
      ) : null}
    </PageShell>
  )
}

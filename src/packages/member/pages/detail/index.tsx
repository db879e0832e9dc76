import { useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { memberRoles, roleLabels, type MemberRole } from '../../../../../types/role'
import type { MemberProfile } from '../../../../../types/member'
import { PageShell } from '@/components/page-shell/PageShell'
import { LoadingState } from '@/components/states/LoadingState'
import { ErrorState } from '@/components/states/ErrorState'
import { DetailRow } from '@/components/common/DetailRow'
import { AppButton } from '@/components/AppButton'
import { Choice } from '@/components/form/Choice'
import { TextInput } from '@/components/form/TextInput'
import { RoleGate } from '@/components/member/RoleGate'
import { ProfileForm } from '@/components/member/ProfileForm'
import { useAsync } from '@/hooks/useAsync'
import { useMe } from '@/hooks/useMe'
import { memberApi } from '@/services/member-api'
import { messageOf } from '@/services/call'
import { formatDate } from '@/utils/time'
import '@/components/common/detail.scss'
import '@/components/member/member.scss'

const MEMBERSHIP: Record<MemberProfile['membership'], string> = { pending: '待审核', approved: '在册', rejected: '未通过', removed: '已移除' }

async function attempt(work: () => Promise<unknown>, done: string, after: () => void) {
  try {
    await work()
    void Taro.showToast({ title: done, icon: 'success' })
    after()
  } catch (err) {
    void Taro.showModal({ title: '没有成功', content: messageOf(err), showCancel: false })
  }
}

/** The chair's tools on one member: role, hand-over, profile correction, removal (with a reason). */
function ChairTools({ m, reload }: { m: MemberProfile; reload: () => void }) {
  const [editing, setEditing] = useState(false)
  const [removing, setRemoving] = useState(false)
  const [reason, setReason] = useState('')
  if (m.membership !== 'approved') return null
  return (
    <View>
      <Text className='member-section'>身份</Text>
      <View className='reason-box'>
        <Choice name='role' options={memberRoles.map((r) => roleLabels[r])} value={roleLabels[m.role]}
          onChange={(label) => {
            const role = memberRoles.find((r) => roleLabels[r] === label) as MemberRole
            if (role === 'chair') void attempt(() => memberApi.handOver(m.id), '主席已移交', reload)
            else void attempt(() => memberApi.setRole(m.id, role), '身份已调整', reload)
          }} />
        <Text className='member-row__meta'>选"主席"即把主席身份移交给 TA，你将成为委员。</Text>
      </View>
      <View className='form__actions'>
        <AppButton block variant='secondary' onClick={() => setEditing(!editing)}>{editing ? '收起' : '更正资料'}</AppButton>
      </View>
      {editing ? (
        <ProfileForm
          submitLabel='保存更正'
          initial={{ name: m.name, department: m.department, status: m.status, gender: m.gender, staffNo: m.staffNo ?? '', phone: m.phone ?? '', birthday: m.birthday ?? '' }}
          onSubmit={async (profile) => {
            await memberApi.update(m.id, profile)
            setEditing(false)
            reload()
          }}
        />
      ) : null}
      <View className='form__actions'>
        <AppButton block variant='secondary' onClick={() => setRemoving(!removing)}>移除会员</AppButton>
      </View>
      {removing ? (
        <View className='reason-box'>
          <TextInput name='removeReason' value={reason} onChange={setReason} placeholder='移除原因，如 调离本校' maxlength={100} />
          <Text className='member-row__meta'>移除后 TA 立即不能再看内部内容，历史记录保留。</Text>
          <AppButton block disabled={reason.trim().length < 2} onClick={() => void attempt(() => memberApi.remove(m.id, reason.trim()), '已移除', reload)}>确认移除</AppButton>
        </View>
      ) : null}
    </View>
  )
}

function Detail({ id }: { id: string }) {
  const me = useMe()
  const member = useAsync(`member:${id}`, () => memberApi.get(id))
  if (member.loading) return <LoadingState />
  if (member.error) return <ErrorState message={member.error.message} onRetry={member.error.retryable ? member.reload : undefined} />
  const m = member.data!
  return (
    <View>
      <View className='detail'>
        <Text className='detail__title'>{m.name}</Text>
        <DetailRow label='部门' value={m.department} />
        <DetailRow label='状态' value={m.status} />
        <DetailRow label='身份' value={`${roleLabels[m.role]}（${MEMBERSHIP[m.membership]}）`} />
        {m.staffNo ? <DetailRow label='工号' value={m.staffNo} /> : null}
        {m.gender ? <DetailRow label='性别' value={m.gender} /> : null}
        {m.phone ? <DetailRow label='手机' value={m.phone} /> : null}
        {m.birthday ? <DetailRow label='生日' value={m.birthday} /> : null}
        <DetailRow label='加入' value={m.approvedAt ? formatDate(m.approvedAt) : '—'} />
        {m.removedAt ? <DetailRow label='移除' value={formatDate(m.removedAt)} /> : null}
      </View>
      {me.data?.role === 'chair' ? <ChairTools m={m} reload={() => void member.reload()} /> : null}
    </View>
  )
}

export default function MemberDetailPage() {
  const { params } = useRouter()
  return (
    <PageShell>
      <RoleGate need='committee'>
        <Detail id={params.id ?? ''} />
      </RoleGate>
    </PageShell>
  )
}

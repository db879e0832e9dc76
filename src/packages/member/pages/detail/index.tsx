import { useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { roleLabels } from '../../../../../types/role'
import type { MemberProfile } from '../../../../../types/member'
import { PageShell } from '@/components/page-shell/PageShell'
import { LoadingState } from '@/components/states/LoadingState'
import { ErrorState } from '@/components/states/ErrorState'
import { DetailRow } from '@/components/common/DetailRow'
import { AppButton } from '@/components/AppButton'
import { TextInput } from '@/components/form/TextInput'
import { RoleGate } from '@/components/member/RoleGate'
import { ProfileForm } from '@/components/member/ProfileForm'
import { RoleActions } from '@/components/member/RoleActions'
import { confirmAction } from '@/components/member/confirm'
import { useAsync } from '@/hooks/useAsync'
import { useMe } from '@/hooks/useMe'
import { memberApi } from '@/services/member-api'
import { messageOf } from '@/services/call'
import { formatDate } from '@/utils/time'
import '@/components/common/detail.scss'
import '@/components/member/member.scss'

const MEMBERSHIP: Record<MemberProfile['membership'], string> = { pending: '待审核', approved: '在册', rejected: '未通过', removed: '已移除' }

/** The chair's tools on one member: role, hand-over, profile correction, removal (each asks once). */
function ChairTools({ m, isMe, reload }: { m: MemberProfile; isMe: boolean; reload: () => void }) {
  const [editing, setEditing] = useState(false)
  const [removing, setRemoving] = useState(false)
  const [reason, setReason] = useState('')
  if (m.membership !== 'approved') return null

  const remove = async () => {
    const ok = await confirmAction('移除会员', `移除 ${m.name}？移除后 TA 立即不能再看内部公开、提意见和报名，TA 的记录都会保留；要回来须重新申请加入，并从普通会员开始。`, '确认移除')
    if (!ok) return
    try {
      await memberApi.remove(m.id, reason.trim())
      void Taro.showToast({ title: '已移除', icon: 'success' })
      reload()
    } catch (err) {
      void Taro.showModal({ title: '没有成功', content: messageOf(err), showCancel: false })
    }
  }
  return (
    <View>
      <Text className='member-section'>身份</Text>
      <RoleActions m={m} isMe={isMe} reload={reload} />
      <View className='form__actions'>
        <AppButton block variant='secondary' onClick={() => setEditing(!editing)}>{editing ? '收起' : '更正资料'}</AppButton>
      </View>
      {editing ? (
        <ProfileForm
          submitLabel='保存更正'
          initial={{ name: m.name, department: m.department, status: m.status, gender: m.gender, staffNo: m.staffNo ?? '', phone: m.phone ?? '', birthday: m.birthday ?? '' }}
          onSubmit={async (profile) => {
            await memberApi.update(m.id, m.revision, profile)
            setEditing(false)
            reload()
          }}
        />
      ) : null}
      {isMe ? null : (
        <View className='form__actions'>
          <AppButton block variant='secondary' onClick={() => setRemoving(!removing)}>移除会员</AppButton>
        </View>
      )}
      {removing ? (
        <View className='reason-box'>
          <TextInput name='removeReason' value={reason} onChange={setReason} placeholder='移除原因，如 调离本校' maxlength={100} />
          <Text className='member-row__meta'>移除后 TA 立即不能再看内部内容，历史记录保留。</Text>
          <AppButton block disabled={reason.trim().length < 2} onClick={() => void remove()}>移除…</AppButton>
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
      {me.data?.role === 'chair' ? <ChairTools m={m} isMe={me.data.member?.id === m.id} reload={() => void member.reload()} /> : null}
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

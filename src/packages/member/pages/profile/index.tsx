import { useState } from 'react'
import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { roleLabels } from '../../../../../types/role'
import { PageShell } from '@/components/page-shell/PageShell'
import { LoadingState } from '@/components/states/LoadingState'
import { ErrorState } from '@/components/states/ErrorState'
import { DetailRow } from '@/components/common/DetailRow'
import { AppButton } from '@/components/AppButton'
import { JoinPrompt } from '@/components/me/JoinPrompt'
import { ProfileForm } from '@/components/member/ProfileForm'
import { ChangeRequestCard } from '@/components/member/ChangeRequestCard'
import { useMe, forgetMe } from '@/hooks/useMe'
import { useAsync } from '@/hooks/useAsync'
import { usePageRefresh } from '@/hooks/usePageRefresh'
import { memberApi } from '@/services/member-api'
import '@/components/common/detail.scss'

function MyProfile() {
  const profile = useAsync('myProfile', memberApi.myProfile)
  const [editing, setEditing] = useState(false)
  usePageRefresh([profile.reload])
  if (profile.loading) return <LoadingState text='正在读取你的资料…' />
  if (profile.error) return <ErrorState message={profile.error.message} onRetry={profile.error.retryable ? profile.reload : undefined} />
  const m = profile.data!
  const verified = m.membership === 'approved'
  if (editing) {
    return (
      <ProfileForm
        submitLabel='保存'
        verified={verified}
        initial={{ name: m.name, department: m.department, status: m.status, gender: m.gender, staffNo: m.staffNo ?? '', phone: m.phone ?? '', birthday: m.birthday ?? '' }}
        onSubmit={async (input) => {
          await memberApi.updateProfile(input)
          forgetMe()
          setEditing(false)
          await profile.reload()
          void Taro.showToast({ title: '已保存', icon: 'success' })
        }}
      />
    )
  }
  return (
    <View>
      <View className='detail'>
        <Text className='detail__title'>{m.name}</Text>
        <DetailRow label='部门' value={m.department} />
        <DetailRow label='状态' value={m.status} />
        <DetailRow label='身份' value={m.membership === 'pending' ? '待审核' : roleLabels[m.role]} />
        <DetailRow label='工号' value={m.staffNo ?? '未填'} />
        <DetailRow label='性别' value={m.gender ?? '未填'} />
        <DetailRow label='手机' value={m.phone ?? '未填'} />
        <DetailRow label='生日' value={m.birthday ?? '未填'} />
      </View>
      <View className='form__actions'>
        <AppButton block variant='secondary' onClick={() => setEditing(true)}>{verified ? '修改部门、手机、生日' : '修改资料'}</AppButton>
      </View>
      {verified ? <ChangeRequestCard m={m} onSent={() => void profile.reload()} /> : null}
    </View>
  )
}

/** My member record: I keep it up to date myself; role changes are the chair's. */
export default function MemberProfilePage() {
  const me = useMe()
  const role = me.data?.role
  return (
    <PageShell>
      {me.loading ? <LoadingState text='正在读取你的资料…' /> : null}
      {me.error ? <ErrorState message={me.error.message} onRetry={me.error.retryable ? me.reload : undefined} /> : null}
      {role === 'visitor' ? <JoinPrompt role={role} /> : null}
      {role && role !== 'visitor' ? <MyProfile /> : null}
    </PageShell>
  )
}

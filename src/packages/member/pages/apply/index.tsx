import { useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import type { ApplyOutput } from '../../../../../types/member'
import { PageShell } from '@/components/page-shell/PageShell'
import { Guide, type GuidePoint } from '@/components/common/Guide'
import { LoadingState } from '@/components/states/LoadingState'
import { ErrorState } from '@/components/states/ErrorState'
import { AppButton } from '@/components/AppButton'
import { Field } from '@/components/form/Field'
import { TextInput } from '@/components/form/TextInput'
import { ProfileForm } from '@/components/member/ProfileForm'
import { SetupForm } from '@/components/member/SetupForm'
import { ApplicationNotice } from '@/components/member/ApplicationNotice'
import { useMe, forgetMe } from '@/hooks/useMe'
import { useAsync } from '@/hooks/useAsync'
import { useRequestId } from '@/hooks/useRequestId'
import { memberApi } from '@/services/member-api'
import { askForJoinResult } from '@/components/member/ask-join-result'
// Platform file: getGroupEnterInfo's cloudID in weapp, a ?group= parameter in the local build.
import { groupCloudId } from '../../../../services/group-entry'
import './apply.scss'

// The joining routes of design.md ("Joining"), in the order that is quickest for the applicant.
const points: GuidePoint[] = [
  { title: '从工会微信群打开', text: '从本校教职工群里打开小程序，通常能自动确认你的身份，填好资料即可加入。' },
  { title: '工会发的邀请码', text: '如果工会给了你邀请码，填在下面，提交后直接加入。' },
  { title: '与工会名册一致', text: '姓名和工号与工会名册一致的，提交后自动通过。' },
  { title: '其他情况', text: '由工会委员审核，一般几天内完成。着急可以直接联系工会。' },
]

function goHome() {
  forgetMe()
  void Taro.switchTab({ url: '/pages/me/index' })
}

/** 申请加入: the join form (opened from 我的, an invite link, or a group card) and, on a new install, the setup code. */
export default function MemberApplyPage() {
  const router = useRouter()
  const me = useMe()
  const [invite, setInvite] = useState((router.params.invite ?? '').toUpperCase())
  const [done, setDone] = useState<ApplyOutput | null>(null)
  // Kept across retries and double taps of this form: the function makes one application.
  const [requestId] = useRequestId()
  const inviteInfo = useAsync(`invite:${router.params.invite ?? ''}`, async () => (router.params.invite ? memberApi.inviteInfo(router.params.invite) : null))

  const role = me.data?.role
  const application = me.data?.application
  return (
    <PageShell>
      {me.loading ? <LoadingState text='正在读取你的信息…' /> : null}
      {me.error ? <ErrorState message={me.error.message} onRetry={me.error.retryable ? me.reload : undefined} /> : null}
      {done ? (
        <View className='apply-done' data-state={done.state}>
          <Text className='apply-done__title'>{done.state === 'approved' ? '已加入工会' : '申请已提交'}</Text>
          <Text className='apply-done__text'>{done.message}</Text>
          <AppButton block onClick={goHome}>回到"我的"</AppButton>
        </View>
      ) : null}
      {!done && role && role !== 'visitor' ? (
        <View className='apply-done'>
          <Text className='apply-done__title'>{role === 'applicant' ? '申请正在审核' : '你已经是工会会员'}</Text>
          <AppButton block onClick={goHome}>回到"我的"</AppButton>
        </View>
      ) : null}
      {!done && role === 'visitor' ? (
        <View>
          {me.data?.setupOpen ? <SetupForm onDone={goHome} /> : null}
          <Guide title='加入教工之家' points={points} />
          {application ? <ApplicationNotice application={application} /> : null}
          {inviteInfo.data ? <Text className={`apply-invite apply-invite--${inviteInfo.data.valid ? 'ok' : 'bad'}`}>{inviteInfo.data.message}</Text> : null}
          <ProfileForm
            submitLabel='提交申请'
            onSubmit={async (profile) => {
              askForJoinResult()
              const cloudId = await groupCloudId()
              setDone(await memberApi.apply({ ...profile, invite: invite.trim() || undefined, groupCloudId: cloudId, requestId }))
            }}
          >
            <Field label='邀请码' hint='没有可以不填'>
              <TextInput name='invite' value={invite} onChange={(v) => setInvite(v.toUpperCase())} placeholder='选填，8 位' maxlength={12} />
            </Field>
          </ProfileForm>
        </View>
      ) : null}
    </PageShell>
  )
}

import { useState } from 'react'
import Taro from '@tarojs/taro'
import { View, Text, Switch } from '@tarojs/components'
import type { InviteItem } from '../../../types/member'
import { AppButton } from '@/components/AppButton'
import { Tag } from '@/components/common/Tag'
import { Field } from '@/components/form/Field'
import { TextInput } from '@/components/form/TextInput'
import { useAsync } from '@/hooks/useAsync'
import { useRequestId } from '@/hooks/useRequestId'
import { memberApi } from '@/services/member-api'
import { messageOf } from '@/services/call'
import { formatDate } from '@/utils/time'
// Platform file: a WeChat share button in weapp; nothing in the local build (no chats to share to).
import { InviteShareButton } from './InviteShareButton'

const STATE: Record<InviteItem['state'], { label: string; tone: 'success' | 'neutral' | 'warning' }> = {
  active: { label: '有效', tone: 'success' },
  expired: { label: '已过期', tone: 'neutral' },
  'used-up': { label: '已用完', tone: 'neutral' },
  revoked: { label: '已停用', tone: 'warning' },
}

function shareText(code: string): string {
  return `教工之家入会邀请码：${code}\n打开小程序「教工之家」→ 我的 → 申请加入，填写邀请码即可。`
}

/** Create invite codes (expiry, uses, auto-approve or review), copy them for the group, revoke them. */
export function InvitesCard() {
  const invites = useAsync('invites', memberApi.listInvites)
  const [note, setNote] = useState('')
  const [days, setDays] = useState('7')
  const [uses, setUses] = useState('30')
  const [autoApprove, setAutoApprove] = useState(true)
  // One invite per filled-in form: a double tap or a retry after a network error makes it once.
  const [requestId, renewRequestId] = useRequestId()

  const run = async (work: () => Promise<unknown>, done: string) => {
    try {
      await work()
      await invites.reload()
      void Taro.showToast({ title: done, icon: 'success' })
    } catch (err) {
      void Taro.showModal({ title: '没有成功', content: messageOf(err), showCancel: false })
    }
  }
  return (
    <View>
      <View className='form' data-card='invites'>
        <Field label='备注'><TextInput name='inviteNote' value={note} onChange={setNote} placeholder='如 新学期入职教师' /></Field>
        <Field label='有效天数'><TextInput name='inviteDays' type='number' value={days} onChange={setDays} maxlength={2} /></Field>
        <Field label='最多使用次数'><TextInput name='inviteUses' type='number' value={uses} onChange={setUses} maxlength={3} /></Field>
        <View className='field switch-row'>
          <Text className='member-row__main'>凭邀请码直接通过（关闭则仍需审核）</Text>
          <Switch checked={autoApprove} color='#c8372d' onChange={(e) => setAutoApprove(e.detail.value)} />
        </View>
        <View className='form__actions'>
          <AppButton block onClick={() => void run(async () => {
            await memberApi.createInvite({ note: note.trim(), days: Number(days), maxUses: Number(uses), autoApprove, requestId })
            renewRequestId()
          }, '已生成')}>生成邀请码</AppButton>
        </View>
      </View>
      {(invites.data?.items ?? []).map((i) => (
        <View key={i.code} className='member-row' data-invite={i.code}>
          <View className='member-row__main'>
            <Text className='member-row__name'>{i.code}</Text>
            <Text className='member-row__meta'>{`${i.note || '无备注'} · 已用 ${i.uses}/${i.maxUses} · ${formatDate(i.expiresAt)} 到期 · ${i.autoApprove ? '直接通过' : '需审核'}`}</Text>
          </View>
          <Tag tone={STATE[i.state].tone}>{STATE[i.state].label}</Tag>
          {i.state === 'active' ? (
            <View className='member-row__actions'>
              <InviteShareButton code={i.code} />
              <AppButton variant='secondary' onClick={() => void Taro.setClipboardData({ data: shareText(i.code) })}>复制</AppButton>
              <AppButton variant='secondary' onClick={() => void run(() => memberApi.revokeInvite(i.code), '已停用')}>停用</AppButton>
            </View>
          ) : null}
        </View>
      ))}
    </View>
  )
}

import { useState } from 'react'
import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import type { ActivityFieldDef, Answers, GuestRule } from '../../../../types/activity'
import type { DirectoryItem } from '../../../../types/member'
import { SearchBar } from '@/components/common/SearchBar'
import { activityApi } from '@/components/activity/api'
import { waitText } from '@/components/activity/activity-labels'
import { memberApi } from '@/services/member-api'
import { messageOf } from '@/services/call'
import { SignupForm } from './SignupForm'
import './form.scss'

interface Props {
  activityId: string
  fields: ActivityFieldDef[]
  guests?: GuestRule
  /** after a member was signed up (the roster reloads) */
  onDone: (note: string) => void
}

/**
 * 代报名: for a member without a smartphone (often a retiree), the organiser finds them by name, fills
 * in their answers and signs them up. Same places and queue as a member's own sign-up; the roster and
 * the audit log say who did it.
 */
export function ProxySignup({ activityId, fields, guests, onDone }: Props) {
  const [found, setFound] = useState<DirectoryItem[] | null>(null)
  const [chosen, setChosen] = useState<DirectoryItem | null>(null)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState('')
  const search = async (keyword: string) => {
    setError('')
    setChosen(null)
    if (!keyword) return setFound(null)
    try {
      setFound((await memberApi.directory({ keyword, page: 1 })).items)
    } catch (err) {
      setError(messageOf(err))
    }
  }
  const submit = async (m: DirectoryItem, answers: Answers, count: number) => {
    const ok = await Taro.showModal({ title: '代会员报名', content: `替 ${m.name}（${m.department}）报名这个活动？报名记录会注明由你代报。`, confirmText: '确认报名', cancelText: '再想想' })
    if (!ok.confirm) return
    setBusy(true)
    setError('')
    try {
      const r = await activityApi.registerFor({ activityId, memberId: m.id, answers, guests: count })
      setChosen(null)
      setFound(null)
      onDone(r.state === 'waitlisted' ? `已替 ${m.name} 报名：${waitText(r.waitPosition)}` : r.state === 'pending' ? `已替 ${m.name} 报名，等待审核` : `已替 ${m.name} 报名`)
    } catch (err) {
      setError(messageOf(err))
    } finally {
      setBusy(false)
    }
  }
  return (
    <View className='form' data-testid='proxy-signup'>
      <Text className='field__label'>代会员报名（适合没有智能手机的老师）</Text>
      <SearchBar placeholder='输入会员姓名' onSearch={(k) => void search(k)} />
      {found && !chosen ? (
        found.length ? found.map((m) => (
          <Text key={m.id} className='toolbar__item proxy__member' data-member={m.id} onClick={() => setChosen(m)}>{`${m.name} · ${m.department} · ${m.status}`}</Text>
        )) : <Text className='field__hint'>没有找到这位会员，请检查姓名</Text>
      ) : null}
      {chosen ? (
        <View>
          <Text className='summary__line'>{`为 ${chosen.name}（${chosen.department}）填写报名信息`}</Text>
          <SignupForm activity={{ fields, guests }} submitLabel={`替 ${chosen.name} 报名`} busy={busy} error='' onSubmit={(answers, count) => void submit(chosen, answers, count)} />
          <Text className='link' onClick={() => setChosen(null)}>换一位会员</Text>
        </View>
      ) : null}
      {error ? <View className='field__error' role='alert'>{error}</View> : null}
    </View>
  )
}

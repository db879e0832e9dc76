import { useEffect, useState } from 'react'
import Taro from '@tarojs/taro'
import { View, Text, Switch } from '@tarojs/components'
import type { JoinSettings } from '../../../types/member'
import { AppButton } from '@/components/AppButton'
import { useAsync } from '@/hooks/useAsync'
import { memberApi } from '@/services/member-api'
import { messageOf } from '@/services/call'
// Platform file: the group the app was opened from (weapp) or ?group= (local build), as a cloudID.
import { groupCloudId } from '../../services/group-entry'

const PATHS: Array<{ key: keyof Omit<JoinSettings, 'groupBound'>; title: string; text: string }> = [
  { key: 'group', title: '从教职工群打开即通过', text: '需先从群里打开小程序并绑定该群' },
  { key: 'invite', title: '邀请码', text: '有效期和次数由你设定，可随时停用' },
  { key: 'roster', title: '与名册一致即通过', text: '姓名和工号都一致才算' },
]

/** Which joining paths are open, and binding the staff group (opened from it once by the chair). */
export function JoinPathsCard() {
  const settings = useAsync('joinSettings', memberApi.joinSettings)
  const [group, setGroup] = useState<string | undefined>()
  useEffect(() => { void groupCloudId().then(setGroup) }, [])
  const s = settings.data
  if (!s) return null

  const run = async (work: () => Promise<unknown>, done?: string) => {
    try {
      await work()
      await settings.reload()
      if (done) void Taro.showToast({ title: done, icon: 'success' })
    } catch (err) {
      void Taro.showModal({ title: '没有保存', content: messageOf(err), showCancel: false })
    }
  }
  // Only the switch that moved is sent (binding the group at the same moment loses nothing).
  const toggle = (key: keyof Omit<JoinSettings, 'groupBound'>, on: boolean) => run(() => memberApi.setJoinSettings({ [key]: on }))
  return (
    <View className='form' data-card='join-paths'>
      {PATHS.map((p) => (
        <View key={p.key} className='field switch-row'>
          <View className='member-row__main'>
            <Text className='member-row__name'>{p.title}</Text>
            <Text className='member-row__meta'>{p.text}</Text>
          </View>
          <Switch className='join-switch' data-path={p.key} checked={s[p.key]} color='#c8372d' onChange={(e) => void toggle(p.key, e.detail.value)} />
        </View>
      ))}
      <View className='field'>
        <Text className='member-row__meta'>{s.groupBound ? '已绑定教职工群。' : '还没有绑定教职工群。'}</Text>
        {group ? (
          <AppButton variant='secondary' onClick={() => void run(() => memberApi.bindGroup(group), '已绑定本群')}>
            {s.groupBound ? '改为绑定当前这个群' : '绑定当前这个群'}
          </AppButton>
        ) : (
          <Text className='member-row__meta'>要绑定，请在教职工群里发一张小程序卡片，从卡片打开后回到这里。</Text>
        )}
      </View>
    </View>
  )
}

import { useState } from 'react'
import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import type { MineItem } from '../../../../../types/activity'
import { PageShell } from '@/components/page-shell/PageShell'
import { ListBody } from '@/components/common/ListBody'
import { Tag } from '@/components/common/Tag'
import { AppButton } from '@/components/AppButton'
import { registrationStateTag, registrationText } from '@/components/activity/activity-labels'
import { useMyRegistrations } from '@/hooks/useMyRegistrations'
import { usePageRefresh } from '@/hooks/usePageRefresh'
import { formatDateTime } from '@/utils/time'
import { ActivityCheckinCode } from '../../components/ActivityCheckinCode'
import { AnswersList } from '../../components/AnswersList'
import '../../components/form.scss'
import '@/components/activity/activity-item.scss'

const detail = (id: string, edit = false) => void Taro.navigateTo({ url: `/packages/activity/pages/detail/index?id=${encodeURIComponent(id)}${edit ? '&edit=1' : ''}` })

/** One registration: where the member stands, what they answered (correctable while sign-up is open), the check-in code. */
function Row({ item }: { item: MineItem }) {
  const [code, setCode] = useState(false)
  const { registration: r, activity: a, fields } = item
  const tag = registrationStateTag[r.state]
  const canShowCode = r.state === 'confirmed' && !r.checkedInAt && (a.status === 'closed' || a.status === 'ongoing' || a.status === 'open' || a.status === 'full')
  return (
    <View className='activity-item' data-registration={r.id} data-state={r.state}>
      <View onClick={() => detail(a.id)}>
        <Text className='activity-item__title'>{a.title}</Text>
        <View className='activity-item__tags'><Tag tone={tag.tone}>{tag.label}</Tag><Tag>{a.category}</Tag></View>
        <Text className='activity-item__line'>{`时间：${formatDateTime(a.startAt)} · ${a.place}`}</Text>
        <Text className={`state-line state-line--${r.state}`}>{registrationText(r)}</Text>
        {r.signedUpBy ? <Text className='activity-item__line'>{`由 ${r.signedUpBy} 代为报名`}</Text> : null}
        <AnswersList fields={fields} answers={r.answers} guests={r.guests} />
      </View>
      {r.canEdit ? <View className='actions'><AppButton block variant='secondary' onClick={() => detail(a.id, true)}>修改报名信息</AppButton></View> : null}
      {canShowCode ? (code ? <ActivityCheckinCode activityId={a.id} /> : <View className='actions'><AppButton block onClick={() => setCode(true)}>出示签到码</AppButton></View>) : null}
    </View>
  )
}

/** 我的报名: each registration with its state (候补第 n 位), the answers given and the check-in code. */
export default function MyRegistrationsPage() {
  const list = useMyRegistrations()
  usePageRefresh([list.reload], list.loadMore)
  return (
    <PageShell>
      <View style={{ height: '12px' }} />
      <ListBody
        list={list}
        loadingText='正在加载我的报名…'
        empty={{ title: '还没有报名任何活动', hint: '在“活动”页找到感兴趣的活动，点进去就能报名' }}
        renderItem={(item) => <Row key={item.registration.id} item={item} />}
      />
    </PageShell>
  )
}

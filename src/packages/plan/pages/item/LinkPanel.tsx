import { useState } from 'react'
import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { linkKindLabels, linkKinds, type LinkKind, type PlanItemView } from '../../../../../types/plan'
import { Choice } from '@/components/form/Choice'
import { Field } from '@/components/form/Field'
import { AppButton } from '@/components/AppButton'
import { planApi } from '@/components/plan/api'
import { useAsync } from '@/hooks/useAsync'

const labels = linkKinds.map((k) => linkKindLabels[k])

/** The new-activity form, filled from the item (title, day) and linking it once saved. */
const newActivityUrl = (item: PlanItemView) =>
  `/packages/activity/pages/edit/index?planItem=${item.id}&planRevision=${item.revision}&title=${encodeURIComponent(item.title)}${item.date ? `&date=${item.date}` : ''}`

/** Link the item to the real work it is done as (its status then follows that record). */
export function LinkPanel({ item, onLink }: { item: PlanItemView; onLink: (link: { kind: LinkKind; id: string } | null) => void }) {
  const [kind, setKind] = useState<LinkKind>('activity')
  const list = useAsync(`candidates-${kind}`, () => planApi.candidates(kind))
  return (
    <View>
      <Field label='关联的工作' hint={item.link ? `已关联：${linkKindLabels[item.link.kind]}“${item.link.title}”` : '关联后，进度跟随活动、公告、慰问计划、提案征集、投票或会议'}>
        <Choice options={labels} value={linkKindLabels[kind]} onChange={(l) => setKind(linkKinds[labels.indexOf(l)])} name='link-kind' />
      </Field>
      {(list.data?.items ?? []).slice(0, 12).map((c) => (
        <View key={c.id} className='plan-row' onClick={() => onLink({ kind, id: c.id })} data-candidate={c.title}>
          <Text className='plan-row__title'>{c.title}</Text>
          <Text className='plan-row__meta'>{`${c.when} · 点此关联`}</Text>
        </View>
      ))}
      {list.data && list.data.items.length === 0 ? <Text className='plan-row__meta'>{`还没有可关联的${linkKindLabels[kind]}`}</Text> : null}
      {item.link ? <AppButton block variant='secondary' onClick={() => onLink(null)}>取消关联</AppButton> : (
        <AppButton block variant='secondary' onClick={() => void Taro.navigateTo({ url: newActivityUrl(item) })}>按此事项新建活动</AppButton>
      )}
    </View>
  )
}

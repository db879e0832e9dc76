import { useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { View, Text, Textarea } from '@tarojs/components'
import { planCategories, type LinkKind } from '../../../../../types/plan'
import { PageShell } from '@/components/page-shell/PageShell'
import { LoadingState } from '@/components/states/LoadingState'
import { Field } from '@/components/form/Field'
import { TextInput } from '@/components/form/TextInput'
import { Choice } from '@/components/form/Choice'
import { AppButton } from '@/components/AppButton'
import { Tag } from '@/components/common/Tag'
import { planApi } from '@/components/plan/api'
import { useAsync } from '@/hooks/useAsync'
import { useRequestId } from '@/hooks/useRequestId'
import { confirmStep, tell } from '@/services/confirm'
import { statusTag } from '../../components/status'
import { LinkPanel } from './LinkPanel'
import { useItemForm } from './useItemForm'
import '../../components/plan.scss'

const MONTHS = Array.from({ length: 12 }, (_v, i) => `${i + 1}月`)

/** One plan item: its fields, the work it is linked to, done / cancelled, and its history. */
export default function ItemPage() {
  const { id, year: y } = useRouter().params
  const year = Number(y)
  const plan = useAsync(`plan-${year}`, () => planApi.get(year))
  const people = useAsync('plan-people', () => planApi.people())
  const history = useAsync(`history-${id ?? ''}`, () => (id ? planApi.history(id) : Promise.resolve({ items: [] })))
  const item = plan.data?.items.find((i) => i.id === id)
  const owners = (people.data?.items ?? []).filter((p) => p.committee)
  const { form, set } = useItemForm(item, owners[0]?.id)
  const [requestId] = useRequestId()
  const [reason, setReason] = useState('')
  const [busy, setBusy] = useState(false)
  const step = async (work: () => Promise<unknown>, done: string, back = false) => {
    setBusy(true)
    try {
      await work()
      void Taro.showToast({ title: done, icon: 'success' })
      if (back) void Taro.navigateBack()
      else await Promise.all([plan.reload(), history.reload()])
    } catch (err) {
      tell('没有完成', (err as Error).message)
    } finally {
      setBusy(false)
    }
  }
  const fields = () => ({ year, month: form.month, date: form.date || null, title: form.title, category: form.category, ownerId: form.ownerId, note: form.note, public: form.public })
  const save = () => step(() => (item ? planApi.editItem({ ...fields(), id: item.id, revision: item.revision }) : planApi.addItem({ ...fields(), requestId })), '已保存', !item)
  const link = (l: { kind: LinkKind; id: string } | null) => item && step(() => planApi.linkItem(item.id, item.revision, l), l ? '已关联' : '已取消关联')
  const cancel = async () => {
    if (!item) return
    if (!reason.trim()) return tell('请填写取消原因', '取消的事项会在总结和台帐中注明原因。')
    if (await confirmStep('取消这项工作', `“${item.title}”将标记为已取消，原因：${reason}`, '取消事项')) await step(() => planApi.cancelItem(item.id, item.revision, reason), '已取消')
  }
  if (plan.loading || people.loading) return <PageShell><LoadingState text='正在读取…' /></PageShell>
  const ownerNames = owners.map((o) => o.name)
  const tag = item ? statusTag(item) : null
  return (
    <PageShell>
      <View className='form'>
      {item && tag ? <View className='row'><Tag tone={tag.tone}>{tag.text}</Tag><Text className='plan-row__meta'>{item.cancelReason ?? ''}</Text></View> : null}
      <Field label='工作内容' required value={form.title}><TextInput value={form.title} onChange={(v) => set('title', v)} maxlength={60} name='title' placeholder='例如：庆“三八”妇女节活动' /></Field>
      <Field label='月份' required><Choice options={MONTHS} value={`${form.month}月`} onChange={(m) => set('month', MONTHS.indexOf(m) + 1)} name='month' /></Field>
      <View data-testid='item-date'>
        <Field label='日期' hint='可不填；填写时格式为 年-月-日，且在所选月份内'><TextInput value={form.date} onChange={(v) => set('date', v)} maxlength={10} name='date' placeholder={`${year}-03-08`} /></Field>
      </View>
      <Field label='分类'><Choice options={planCategories} value={form.category} onChange={(c) => set('category', c)} name='category' /></Field>
      <Field label='负责人' required><Choice options={ownerNames} value={owners.find((o) => o.id === form.ownerId)?.name} onChange={(n) => set('ownerId', owners[ownerNames.indexOf(n)].id)} name='owner' /></Field>
      <Field label='对会员公开' hint='公开的事项出现在会员的工会日历里'><Choice options={['公开', '不公开']} value={form.public ? '公开' : '不公开'} onChange={(v) => set('public', v === '公开')} name='public' /></Field>
      <Field label='备注'><Textarea className='text-input text-area' value={form.note} maxlength={300} autoHeight onInput={(e) => set('note', e.detail.value)} /></Field>
      <View className='plan-actions'><AppButton block disabled={busy} onClick={() => void save()}>{item ? '保存修改' : '添加事项'}</AppButton></View>
      {item ? (
        <View>
          <LinkPanel item={item} onLink={(l) => void link(l)} />
          <View className='plan-actions'>
            <AppButton block variant='secondary' disabled={busy} onClick={() => void step(() => planApi.markDone(item.id, item.revision, item.status !== 'done'), '已更新')}>{item.status === 'done' ? '取消完成标记' : '标记为已完成'}</AppButton>
          </View>
          <Field label='取消原因'><TextInput value={reason} onChange={setReason} maxlength={100} name='reason' /></Field>
          <AppButton block variant='secondary' disabled={busy} onClick={() => void cancel()}>取消这项工作</AppButton>
          <Text className='plan-month'>修改记录</Text>
          {(history.data?.items ?? []).map((h) => <Text key={h.revision} className='plan-figure'>{`${h.byName}：${h.what}`}</Text>)}
        </View>
      ) : null}
      </View>
    </PageShell>
  )
}

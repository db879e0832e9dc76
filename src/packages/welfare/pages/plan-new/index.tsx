import { useState } from 'react'
import Taro from '@tarojs/taro'
import { View, Text, Input, Picker } from '@tarojs/components'
import { welfareFunds, type WelfareFund, type WelfarePerson } from '../../../../../types/welfare'
import { PageShell } from '@/components/page-shell/PageShell'
import { AppButton } from '@/components/AppButton'
import { welfareApi } from '@/components/welfare/api'
import { useAsync } from '@/hooks/useAsync'
import { CallError, messageOf } from '@/services/call'
import { useRequestId } from '@/hooks/useRequestId'
import { todayShanghai } from '@/utils/time'
import { Field } from '@/components/form/Field'
import { Choice } from '@/components/form/Choice'
import { VisitorChips } from '../../components/VisitorChips'
import { GiftRows, type GiftDraft } from '../../components/GiftRows'
import '../../components/form.scss'

const GROUPS = ['全体离退休', '困难职工'] as const
const TITLES = ['春节慰问', '中秋慰问', '元旦慰问'] as const

/** Build a plan: tick groups → see the list (untick anyone) → one tap creates a planned visit for each. */
export default function WelfarePlanNewPage() {
  const [title, setTitle] = useState('春节慰问')
  const [groups, setGroups] = useState<string[]>([])
  const [departments, setDepartments] = useState<string[]>([])
  const [excluded, setExcluded] = useState<string[]>([])
  const [plannedDate, setPlannedDate] = useState(todayShanghai())
  const [cashYuan, setCashYuan] = useState('')
  const [gifts, setGifts] = useState<GiftDraft[]>([])
  const [fund, setFund] = useState<WelfareFund>('工会经费')
  const [visitorIds, setVisitorIds] = useState<string[]>([])
  const [error, setError] = useState('')
  const [saving, setSaving] = useState(false)
  // One plan per form: a double tap or a retry after a lost answer finishes the same plan.
  const [requestId] = useRequestId()
  const filter = { retirees: groups.includes('全体离退休'), hardship: groups.includes('困难职工'), departments }
  const preview = useAsync(`welfare-preview|${JSON.stringify(filter)}`, () => welfareApi.planPreview(filter))
  const people: WelfarePerson[] = preview.data?.people ?? []
  const chosen = people.filter((p) => !excluded.includes(p.id))
  const toggle = (list: string[], v: string) => (list.includes(v) ? list.filter((x) => x !== v) : [...list, v])

  const create = async () => {
    const each = cashYuan.trim() && cashYuan.trim() !== '0' ? `，每户慰问金 ${cashYuan.trim()} 元` : ''
    const ok = await Taro.showModal({
      title: `生成“${title}”走访名单？`,
      content: `将为名单上的 ${chosen.length} 户各记一条计划中的慰问${each}。之后可逐户登记完成或取消，名单不能整体撤销。`,
      confirmText: '生成',
    })
    if (!ok.confirm) return
    setSaving(true)
    setError('')
    try {
      const plan = await welfareApi.planCreate({ requestId, title, plannedDate, filter, excludeIds: excluded, cashYuan: cashYuan.trim() || '0', gifts: gifts.filter((g) => g.name.trim()), fund, visitorIds })
      void Taro.redirectTo({ url: `/packages/welfare/pages/plan/index?id=${plan.id}` })
    } catch (err) {
      setError(err instanceof CallError && err.issues?.length ? err.issues.map((i) => i.message).join('；') : messageOf(err))
    } finally {
      setSaving(false)
    }
  }

  return (
    <PageShell>
      <View className='form'>
        <Field label='计划名称'>
          <Choice name='title' options={TITLES} value={title as (typeof TITLES)[number]} onChange={setTitle} />
          <Input className='input' value={title} onInput={(e) => setTitle(e.detail.value)} />
        </Field>
        <Field label='计划日期'>
          <Picker mode='date' value={plannedDate} onChange={(e) => setPlannedDate(String(e.detail.value))}>
            <View className='input row'><Text>{plannedDate}</Text></View>
          </Picker>
        </Field>
        <Field label='慰问对象（可多选）' hint='困难职工在慰问记录里标记，不会公开'>
          <Choice name='groups' options={GROUPS} value={groups as (typeof GROUPS)[number][]} onChange={(v) => setGroups(toggle(groups, v))} />
          {preview.data?.departments.length ? (
            <Choice name='departments' options={preview.data.departments} value={departments} onChange={(v) => setDepartments(toggle(departments, v))} />
          ) : null}
        </Field>
        <Field label={`名单（${chosen.length} 人）`} hint='点姓名可移出名单'>
          {preview.error ? <Text className='field__error'>{preview.error.message}</Text> : null}
          {people.length === 0 ? <Text className='field__hint'>先勾选上面的慰问对象</Text> : null}
          <View className='choice'>
            {people.map((p) => (
              <View key={p.id} className={`choice__item${excluded.includes(p.id) ? '' : ' choice__item--on'}`} onClick={() => setExcluded(toggle(excluded, p.id))} data-option={p.name}>
                <Text>{`${p.name}${p.hardship ? '（困难）' : ''}`}</Text>
              </View>
            ))}
          </View>
        </Field>
        <Field label='每户慰问金（元）'>
          <Input className='input' type='digit' placeholder='如 500' value={cashYuan} onInput={(e) => setCashYuan(e.detail.value)} data-testid='plan-cash' />
        </Field>
        <Field label='每户慰问品'>
          <GiftRows gifts={gifts} onChange={setGifts} />
        </Field>
        <Field label='经费来源'>
          <Choice name='fund' options={welfareFunds} value={fund} onChange={setFund} />
        </Field>
        <Field label='看望人'>
          <VisitorChips value={visitorIds} onChange={setVisitorIds} />
        </Field>
      </View>
      {error ? <View className='field__error actions' role='alert'><Text>{error}</Text></View> : null}
      <View className='actions'>
        <AppButton block disabled={(saving || chosen.length === 0) || undefined} onClick={() => void create()}>{saving ? '正在生成…' : `生成 ${chosen.length} 户走访名单`}</AppButton>
      </View>
    </PageShell>
  )
}

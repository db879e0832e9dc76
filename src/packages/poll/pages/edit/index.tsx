import { useEffect, useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { View, Text, Picker, Switch, Textarea } from '@tarojs/components'
import { itemLabels, majorities, majorityLabels, pollKindLabels, pollKinds, ruleBaseLabels, ruleBases, type PollKind } from '../../../../../types/poll'
import { PageShell } from '@/components/page-shell/PageShell'
import { AppButton } from '@/components/AppButton'
import { Field } from '@/components/form/Field'
import { Choice } from '@/components/form/Choice'
import { TextInput } from '@/components/form/TextInput'
import { LoadingState } from '@/components/states/LoadingState'
import { useRequestId } from '@/hooks/useRequestId'
import { CallError, messageOf } from '@/services/call'
import { pollApi } from '../../api'
import { ItemsEditor } from '../../components/ItemsEditor'
import { ElectorateField } from '../../components/ElectorateField'
import { blankForm, formOf, quorumFor, saveInput, type PollForm } from './form'
import '../../poll.scss'

const EXAMPLES: Record<PollKind, string> = { appraisal: '2026年度中层干部述职测评', election: '2026年优秀工会工作者评选', vote: '教职工绩效工资分配方案票决' }
const kindOf = (label: string) => pollKinds.find((k) => pollKindLabels[k] === label)!
const majorityOf = (label: string) => majorities.find((m) => majorityLabels[m] === label)!
const baseOf = (label: string) => ruleBases.find((b) => ruleBaseLabels[b] === label)!

function Toggle({ label, on, onChange, name }: { label: string; on: boolean; onChange: (v: boolean) => void; name: string }) {
  return (
    <View className='poll-criterion'>
      <Text className='poll-row__label'>{label}</Text>
      <Switch checked={on} color='#c8372d' onChange={(e) => onChange(e.detail.value)} data-toggle={name} />
    </View>
  )
}

/** 新建 / 编辑投票 (committee, drafts only): kind, items, electorate, rules, end time. */
export default function PollEditPage() {
  const { params } = useRouter()
  const id = params.id
  const [form, setForm] = useState<PollForm | null>(id ? null : blankForm((params.kind as PollKind) || 'appraisal'))
  const [revision, setRevision] = useState(0)
  const [requestId] = useRequestId()
  const [error, setError] = useState('')
  const [saving, setSaving] = useState(false)

  useEffect(() => {
    if (!id) return
    pollApi.console(id).then((p) => { setForm(formOf(p)); setRevision(p.revision) }).catch((err) => setError(messageOf(err)))
  }, [id])
  if (!form) return <PageShell>{error ? <Text className='poll-alert'>{error}</Text> : <LoadingState text='正在读取草稿…' />}</PageShell>
  const set = (patch: Partial<PollForm>) => setForm({ ...form, ...patch })
  const label = itemLabels[form.kind]

  const save = async () => {
    setSaving(true)
    setError('')
    try {
      const out = await pollApi.save(saveInput(form, id ? { id, revision } : { requestId }))
      void Taro.redirectTo({ url: `/packages/poll/pages/console/index?id=${out.id}` })
    } catch (err) {
      setError(err instanceof CallError && err.issues?.length ? err.issues.map((i) => i.message).join('；') : messageOf(err))
    } finally {
      setSaving(false)
    }
  }

  return (
    <PageShell>
      <View className='form'>
        {!id ? (
          <Field label='类型'>
            <Choice name='kind' options={pollKinds.map((k) => pollKindLabels[k])} value={pollKindLabels[form.kind]} onChange={(l) => set({ kind: kindOf(l) })} />
          </Field>
        ) : null}
        <Field label='标题' required>
          <TextInput name='title' value={form.title} onChange={(title) => set({ title })} placeholder={`例如：${EXAMPLES[form.kind]}`} />
        </Field>
        <Field label='说明'>
          <Textarea className='textarea' value={form.description} maxlength={500} placeholder='投票人会先看到这段话' onInput={(e) => set({ description: e.detail.value })} />
        </Field>
        <Field label={`${label.item}（${form.items.length} 项）`} required>
          <ItemsEditor kind={form.kind} rows={form.items} onChange={(items) => set({ items })} />
        </Field>
        {form.kind === 'appraisal' ? (
          <Field label='测评方式' hint='每位测评对象评为 优秀 / 称职 / 基本称职 / 不称职。'>
            <Toggle name='unknown' label='可以选“不了解”' on={form.allowUnknown} onChange={(allowUnknown) => set({ allowUnknown })} />
            <Toggle name='criteria' label='德、能、勤、绩、廉分项评价' on={form.criteria} onChange={(criteria) => set({ criteria })} />
            <Toggle name='comments' label='可以写评语（5 人以上评价才公开）' on={form.comments} onChange={(comments) => set({ comments })} />
          </Field>
        ) : null}
        {form.kind === 'election' ? (
          <Field label='应选人数' hint='每张选票最多选这么多人（差额评选：要少于候选人数）。'>
            <TextInput name='seats' type='number' value={form.seats} onChange={(seats) => set({ seats })} maxlength={2} />
          </Field>
        ) : null}
        {form.kind !== 'appraisal' ? (
          <Field label={form.kind === 'election' ? '当选条件' : '通过条件'} hint={`得票要${majorityLabels[form.ruleMajority]}（以${ruleBaseLabels[form.ruleBase]}计）`}>
            <Choice name='rule-majority' options={majorities.map((m) => majorityLabels[m])} value={majorityLabels[form.ruleMajority]} onChange={(l) => set({ ruleMajority: majorityOf(l) })} />
            <Choice name='rule-base' options={ruleBases.map((b) => ruleBaseLabels[b])} value={ruleBaseLabels[form.ruleBase]} onChange={(l) => set({ ruleBase: baseOf(l) })} />
          </Field>
        ) : null}
        {form.electorate.kind === 'runoff' ? <Field label='投票人范围'><Text>与上一轮相同（名单不变）</Text></Field>
          : <ElectorateField value={form.electorate} onChange={(electorate) => set({ electorate, quorum: quorumFor(electorate) })} />}
        <Field label='法定人数' hint='投票人数达不到，本次投票无效。教代会代表默认三分之二以上，其他默认过半数。'>
          <Choice name='quorum' options={majorities.map((m) => majorityLabels[m])} value={majorityLabels[form.quorum]} onChange={(l) => set({ quorum: majorityOf(l) })} />
        </Field>
        <Field label='截止时间' hint='过了截止时间不能再投；由主席结束投票后计票。'>
          <View className='poll-criterion' data-testid='closes'>
            <Picker mode='date' value={form.closesDate} onChange={(e) => set({ closesDate: String(e.detail.value) })}><View className='input'><Text>{form.closesDate}</Text></View></Picker>
            <Picker mode='time' value={form.closesTime} onChange={(e) => set({ closesTime: String(e.detail.value) })}><View className='input'><Text>{form.closesTime}</Text></View></Picker>
          </View>
        </Field>
      </View>
      {error ? <View className='poll-alert' role='alert'><Text>{error}</Text></View> : null}
      <View className='poll-actions'>
        <AppButton block disabled={saving || undefined} onClick={() => void save()}>{saving ? '正在保存…' : '保存草稿'}</AppButton>
        <Text className='poll-line'>保存后是草稿，投票人看不到；在管理页点“开始投票”才开始，并锁定投票人名单。</Text>
      </View>
    </PageShell>
  )
}

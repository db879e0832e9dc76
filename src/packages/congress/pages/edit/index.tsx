import { useEffect, useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { View, Text, Textarea } from '@tarojs/components'
import { proposalCategories, proposalStateLabels, type ProposalCategory } from '../../../../../types/congress'
import { PageShell } from '@/components/page-shell/PageShell'
import { Field } from '@/components/form/Field'
import { TextInput } from '@/components/form/TextInput'
import { Choice } from '@/components/form/Choice'
import { AppButton } from '@/components/AppButton'
import { useRequestId } from '@/hooks/useRequestId'
import { CallError, messageOf } from '@/services/call'
import { congressApi } from '../../api'
import { tell } from '@/services/confirm'
import '../../congress.scss'

type Similar = Array<{ id: string; sessionTitle: string; title: string; state: keyof typeof proposalStateLabels }>

/**
 * 写提案 / 修改提案: 案由, 类别, 理由, 办法和建议 — 一事一案. While the 案由 is typed, proposals of this
 * and earlier sessions with similar words are shown, so a matter already raised is seconded instead.
 */
export default function ProposalEditPage() {
  const { params } = useRouter()
  const sessionId = params.session ?? ''
  const id = params.id
  const [requestId] = useRequestId()
  const [revision, setRevision] = useState<number>()
  const [title, setTitle] = useState('')
  const [category, setCategory] = useState<ProposalCategory>()
  const [reasons, setReasons] = useState('')
  const [measures, setMeasures] = useState('')
  const [similar, setSimilar] = useState<Similar>([])
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [busy, setBusy] = useState(false)

  useEffect(() => {
    if (!id) return
    void congressApi.detail(id).then((p) => { setRevision(p.revision); setTitle(p.title); setCategory(p.category); setReasons(p.reasons); setMeasures(p.measures) }).catch((e) => tell('打不开这件提案', messageOf(e)))
  }, [id])
  useEffect(() => {
    const t = title.trim()
    if (Array.from(t).length < 2) return setSimilar([])
    const timer = setTimeout(() => void congressApi.similar(sessionId, t, id).then((r) => setSimilar(r.items)).catch(() => undefined), 400)
    return () => clearTimeout(timer)
  }, [title, sessionId, id])

  const save = async () => {
    if (!category) return setErrors({ category: '请选择类别' })
    setBusy(true)
    setErrors({})
    try {
      const fields = { title, category, reasons, measures }
      const saved = await congressApi.save(sessionId, fields, id && revision !== undefined ? { id, revision } : { requestId })
      if (id) Taro.navigateBack()
      else void Taro.redirectTo({ url: `/packages/congress/pages/proposal/index?id=${saved.id}` })
    } catch (err) {
      if (err instanceof CallError && err.issues?.length) setErrors(Object.fromEntries(err.issues.map((i) => [String(i.path[0]), i.message])))
      else tell('没有保存', messageOf(err))
    } finally {
      setBusy(false)
    }
  }
  return (
    <PageShell>
      <View className='cg-card'>
        <Text className='cg-line'>一事一案：一件提案只提一个问题。保存后邀请代表附议，够人数后才能提交。</Text>
      </View>
      <View className='cg-card'>
        <Field label='案由' required hint='例如：关于改善教师午餐的建议' error={errors.title} value={title}>
          <TextInput name='title' value={title} onChange={setTitle} maxlength={40} placeholder='关于……的建议' />
        </Field>
        {similar.length ? (
          <View data-testid='similar'>
            <Text className='cg-line'>已有相近的提案，可以先看看，避免重复：</Text>
            {similar.map((s) => <Text key={s.id} className='cg-line' onClick={() => void Taro.navigateTo({ url: `/packages/congress/pages/proposal/index?id=${s.id}` })}>{`· ${s.title}（${s.sessionTitle}，${proposalStateLabels[s.state]}）`}</Text>)}
          </View>
        ) : null}
        <Field label='类别' required error={errors.category} value={category}>
          <Choice name='category' options={proposalCategories} value={category} onChange={setCategory} />
        </Field>
        <Field label='理由' required error={errors.reasons} value={reasons}>
          <Textarea className='cg-textarea' data-field='reasons' value={reasons} maxlength={2000} onInput={(e) => setReasons(e.detail.value)} />
        </Field>
        <Field label='办法和建议' required error={errors.measures} value={measures}>
          <Textarea className='cg-textarea' data-field='measures' value={measures} maxlength={2000} onInput={(e) => setMeasures(e.detail.value)} />
        </Field>
      </View>
      <View className='cg-actions'><AppButton block disabled={busy} onClick={() => void save()}>{id ? '保存修改' : '保存草稿'}</AppButton></View>
    </PageShell>
  )
}

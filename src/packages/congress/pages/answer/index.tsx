import { useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { View, Text, Textarea } from '@tarojs/components'
import { ANSWER_FILES_MAX, answerClassLabels, answerClasses, type AnswerClass, type AnswerFileInput } from '../../../../../types/congress'
import { PageShell } from '@/components/page-shell/PageShell'
import { LoadingState } from '@/components/states/LoadingState'
import { ErrorState } from '@/components/states/ErrorState'
import { Field } from '@/components/form/Field'
import { Choice } from '@/components/form/Choice'
import { AppButton } from '@/components/AppButton'
import { useAsync } from '@/hooks/useAsync'
import { messageOf } from '@/services/call'
import { congressApi } from '../../api'
import { confirmStep, tell } from '@/services/confirm'
import { numberLabel } from '../../labels'
import { FilePicker } from '@/components/form/FilePicker'
import { CoNotes } from '../../components/CoNotes'
import '../../congress.scss'

const LABELS = answerClasses.map((c) => answerClassLabels[c])

/**
 * 答复提案 (the 承办人 of this case only): A 已解决/采纳 · B 列入计划逐步解决 · C 因条件限制暂不能解决
 * (with the reason), and the answer text. The committee reviews it before the proposers rate it.
 */
export default function AnswerPage() {
  const { params } = useRouter()
  const id = params.id ?? ''
  const q = useAsync(`congress:answer:${id}`, () => congressApi.detail(id))
  const [label, setLabel] = useState<string>()
  const [text, setText] = useState('')
  const [reason, setReason] = useState('')
  const [attached, setAttached] = useState<AnswerFileInput[]>([])
  const [busy, setBusy] = useState(false)
  const answerClass = answerClasses.find((c) => answerClassLabels[c] === label) as AnswerClass | undefined
  const p = q.data

  const send = async () => {
    if (!p || !answerClass) return
    if (!(await confirmStep('提交答复', '答复提交后由提案工作委员会审核，通过后提案人和附议人评价。确认提交？', '提交'))) return
    setBusy(true)
    try {
      await congressApi.answer(p.id, p.revision, { answerClass, text, reason, files: attached })
      Taro.navigateBack()
    } catch (err) {
      tell('没有提交答复', messageOf(err))
    } finally {
      setBusy(false)
    }
  }
  if (q.loading) return <PageShell><LoadingState text='正在加载提案…' /></PageShell>
  if (q.error || !p) return <PageShell><ErrorState message={q.error?.message ?? '没有找到这件提案'} onRetry={q.reload} /></PageShell>
  if (!p.can.answer) return <PageShell><ErrorState message='这件提案现在不需要你答复' /></PageShell>
  return (
    <PageShell>
      <View className='cg-card'>
        <Text className='cg-title'>{`${numberLabel(p.number)} ${p.title}`}</Text>
        <Text className='cg-line'>{`提案人 ${p.proposerName} · ${p.office ?? ''} · ${p.dueDate ?? ''} 前答复${p.round > 1 ? ' · 第二次答复（面商后）' : ''}`}</Text>
        <Text className='cg-para'>{p.measures}</Text>
        {p.returnedAnswerReason ? <Text className='cg-para'>{`上次答复被退回：${p.returnedAnswerReason}`}</Text> : null}
        {p.coHandlers.length ? <Text className='cg-line'>{`协办人：${p.coHandlers.map((c) => c.name).join('、')}`}</Text> : null}
        <CoNotes notes={p.coNotes.filter((n) => n.round === p.round)} title='协办人的意见（请在答复中统筹考虑）' />
      </View>
      <View className='cg-card'>
        <Field label='答复类别' required>
          <Choice name='answer-class' options={LABELS} value={label} onChange={setLabel} />
        </Field>
        <Field label='答复内容' required>
          <Textarea className='cg-textarea' data-field='answer' value={text} maxlength={2000} onInput={(e) => setText(e.detail.value)} />
        </Field>
        {answerClass === 'C' ? (
          <Field label='暂不能解决的原因' required>
            <Textarea className='cg-textarea' data-field='reason' value={reason} maxlength={300} onInput={(e) => setReason(e.detail.value)} />
          </Field>
        ) : null}
        <Field label='答复附件' hint={`图片、PDF 或 Word，最多 5 个；提案人、附议人和全体会员都能看到`}>
          <FilePicker list={attached} onChange={setAttached} domain='congress' max={ANSWER_FILES_MAX} documents={['pdf', 'doc', 'docx']} what='答复附件' documentsLabel='PDF/Word' />
        </Field>
      </View>
      <View className='cg-actions'><AppButton block disabled={!answerClass || !text.trim() || (answerClass === 'C' && !reason.trim()) || busy} onClick={() => void send()}>提交答复</AppButton></View>
    </PageShell>
  )
}

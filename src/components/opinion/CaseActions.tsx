import { useState } from 'react'
import { View, Text, Textarea } from '@tarojs/components'
import type { OpinionCase } from '../../../types/opinion'
import { AppButton } from '../AppButton'
import { MessageBox } from './MessageBox'
import { opinionApi } from './api'
import { useAsync } from '@/hooks/useAsync'
import { messageOf } from '@/services/call'
import './opinion.scss'

type Run = (work: () => Promise<OpinionCase>) => Promise<void>

function Assign({ c, run }: { c: OpinionCase; run: Run }) {
  const people = useAsync('opinion-assignees', opinionApi.assignees)
  return (
    <View className='op-section'>
      <Text className='op-section__title'>{c.assignee ? '改派处理人' : '指派处理人'}</Text>
      {people.error ? <Text className='form-error'>{people.error.message}</Text> : null}
      <View className='op-choice' data-name='assignee'>
        {(people.data?.items ?? []).map((p) => (
          <Text key={p.id} className={`op-choice__item${c.assignee?.id === p.id ? ' op-choice__item--on' : ''}`} onClick={() => void run(() => opinionApi.assign(c.id, p.id))}>
            {`${p.name}${p.role === 'chair' ? '（主席）' : ''}`}
          </Text>
        ))}
      </View>
    </View>
  )
}

function Publish({ c, run }: { c: OpinionCase; run: Run }) {
  const [question, setQuestion] = useState(c.text)
  const [answer, setAnswer] = useState(c.replies[c.replies.length - 1]?.text ?? '')
  return (
    <View className='op-section' data-box='publish'>
      <Text className='op-section__title'>公开为问答（请先修改，去掉能认出人的细节）</Text>
      <Text className='op-form__label'>问</Text>
      <Textarea className='op-form__textarea' value={question} maxlength={1000} onInput={(e) => setQuestion(e.detail.value)} data-field='question' />
      <Text className='op-form__label'>答</Text>
      <Textarea className='op-form__textarea' value={answer} maxlength={1000} onInput={(e) => setAnswer(e.detail.value)} data-field='answer' />
      <AppButton block onClick={() => void run(() => opinionApi.publishQa(c.id, question.trim(), answer.trim()))}>公开为问答</AppButton>
    </View>
  )
}

/** Only the actions the function says the caller may take now; each answer replaces the item. */
export function CaseActions({ c, onChange }: { c: OpinionCase; onChange: (next: OpinionCase) => void }) {
  const [error, setError] = useState('')
  const [busy, setBusy] = useState(false)
  const run: Run = async (work) => {
    setBusy(true)
    setError('')
    try {
      onChange(await work())
    } catch (err) {
      setError(messageOf(err))
    } finally {
      setBusy(false)
    }
  }
  const { can } = c
  const none = !Object.values(can).some(Boolean)
  return (
    <View>
      {error ? <View className='form-error' role='alert'>{error}</View> : null}
      {can.release ? (
        <View className='op-section'>
          <Text className='op-section__title'>内容审核</Text>
          <Text className='op-form__hint'>微信内容安全检查建议人工查看（或检查暂不可用）。确认无问题后放行，进入正常处理；不合适的可以不予受理。</Text>
          <AppButton block disabled={busy} onClick={() => void run(() => opinionApi.release(c.id))}>审核通过，放行</AppButton>
        </View>
      ) : null}
      {can.assign ? <Assign c={c} run={run} /> : null}
      {can.reply ? (
        <View className='op-section'>
          <Text className='op-section__title'>答复</Text>
          <MessageBox name='reply' placeholder='写给提交人的答复（提交人看不到处理人的名字）' submitLabel='发送答复' maxlength={1000} onSubmit={(text) => run(() => opinionApi.reply(c.id, text))} />
        </View>
      ) : null}
      {can.close ? (
        <View className='op-section'>
          <AppButton block variant='secondary' disabled={busy} onClick={() => void run(() => opinionApi.close(c.id))}>办结</AppButton>
        </View>
      ) : null}
      {can.publish ? <Publish c={c} run={run} /> : null}
      {can.reject ? (
        <View className='op-section'>
          <Text className='op-section__title'>不予受理</Text>
          <MessageBox name='reject' variant='secondary' placeholder='写明理由，提交人能看到' submitLabel='不予受理' onSubmit={(reason) => run(() => opinionApi.reject(c.id, reason))} />
        </View>
      ) : null}
      {none ? <Text className='op-note'>这条意见当前没有需要你做的操作。</Text> : null}
    </View>
  )
}

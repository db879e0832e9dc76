import { useEffect, useState } from 'react'
import { View, Text, Textarea } from '@tarojs/components'
import { decisionLabels, decisions, type Decision, type ProposalItem } from '../../../../types/congress'
import { Field } from '@/components/form/Field'
import { Choice } from '@/components/form/Choice'
import { AppButton } from '@/components/AppButton'
import { congressApi } from '../api'
import { numberLabel } from '../labels'

const LABELS = decisions.map((d) => decisionLabels[d])

/** 立案审查: 立案 / 并案 (into a case of the session) / 转为意见建议 (reason) / 退回修改 (reason). */
export function DecidePanel({ sessionId, selfId, busy, onDecide }: { sessionId: string; selfId: string; busy: boolean; onDecide: (d: Decision, reason: string, intoId?: string) => void }) {
  const [label, setLabel] = useState<string>()
  const [reason, setReason] = useState('')
  const [cases, setCases] = useState<ProposalItem[]>([])
  const [intoId, setIntoId] = useState<string>()
  const decision = decisions.find((d) => decisionLabels[d] === label)
  useEffect(() => {
    if (decision !== 'merge' || cases.length) return
    void Promise.all([congressApi.list(sessionId, 1, { state: 'accepted' }), congressApi.list(sessionId, 1, { state: 'assigned' })])
      .then(([a, b]) => setCases([...a.items, ...b.items].filter((p) => p.id !== selfId))).catch(() => undefined)
  }, [decision, sessionId, selfId, cases.length])
  const needsReason = decision === 'return' || decision === 'suggestion'
  const ready = !!decision && (!needsReason || reason.trim()) && (decision !== 'merge' || intoId)
  return (
    <View className='cg-card' data-testid='decide'>
      <Field label='审查意见' required>
        <Choice name='decision' options={LABELS} value={label} onChange={setLabel} />
      </Field>
      {decision === 'merge' ? (
        <Field label='并入的提案' required hint='提案人和附议人会随并入的提案评价答复'>
          {cases.length === 0 ? <Text className='cg-line'>本次会议还没有可以并入的已立案提案</Text> : null}
          {cases.map((c) => (
            <View key={c.id} className={`cg-pick${intoId === c.id ? ' cg-pick--on' : ''}`} data-into={c.id} onClick={() => setIntoId(c.id)}>
              <Text>{`${numberLabel(c.number)} ${c.title}`}</Text>
            </View>
          ))}
        </Field>
      ) : null}
      <Field label={needsReason ? '理由（提案人会看到）' : '说明'} required={needsReason}>
        <Textarea className='cg-textarea' value={reason} maxlength={300} onInput={(e) => setReason(e.detail.value)} />
      </Field>
      <AppButton block disabled={!ready || busy} onClick={() => decision && onDecide(decision, reason.trim(), intoId)}>提交审查意见</AppButton>
    </View>
  )
}

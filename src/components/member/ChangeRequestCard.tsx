import { useState } from 'react'
import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { memberStatuses } from '../../../types/role'
import { verifiedFieldLabels, type ChangeSet, type MemberProfile } from '../../../types/member'
import { AppButton } from '@/components/AppButton'
import { Field } from '@/components/form/Field'
import { TextInput } from '@/components/form/TextInput'
import { Choice } from '@/components/form/Choice'
import { useRequestId } from '@/hooks/useRequestId'
import { memberApi } from '@/services/member-api'
import { CallError, messageOf } from '@/services/call'
import { describeChanges } from './change-words'
import './member.scss'

const STATE = { pending: '等待主席处理', approved: '主席已同意', rejected: '主席没有同意' } as const

/**
 * 申请修改: a verified member asks the chair to change their name, staff no. or 在职/离退休 (they
 * cannot change these themselves). Shows the latest request and its outcome.
 */
export function ChangeRequestCard({ m, onSent }: { m: MemberProfile; onSent: () => void }) {
  const [open, setOpen] = useState(false)
  const [name, setName] = useState(m.name)
  const [staffNo, setStaffNo] = useState(m.staffNo ?? '')
  const [status, setStatus] = useState(m.status)
  const [reason, setReason] = useState('')
  const [error, setError] = useState('')
  const [busy, setBusy] = useState(false)
  const [requestId, renew] = useRequestId()
  const last = m.changeRequest

  const send = async () => {
    const changes: ChangeSet = {}
    if (name.trim() !== m.name) changes.name = name.trim()
    if (staffNo.trim() !== (m.staffNo ?? '')) changes.staffNo = staffNo.trim()
    if (status !== m.status) changes.status = status
    if (Object.keys(changes).length === 0) return setError('请先改动要变更的内容')
    if (reason.trim().length < 2) return setError('请写明变更原因（至少 2 个字）')
    setBusy(true)
    setError('')
    try {
      await memberApi.requestChange({ ...changes, reason: reason.trim(), requestId })
      renew()
      setOpen(false)
      void Taro.showToast({ title: '已提交', icon: 'success' })
      onSent()
    } catch (err) {
      setError(err instanceof CallError && err.issues?.length ? err.issues.map((i) => i.message).join('；') : messageOf(err))
    } finally {
      setBusy(false)
    }
  }

  return (
    <View className='reason-box' data-card='change-request'>
      <Text className='member-row__meta'>{`${Object.values(verifiedFieldLabels).join('、')}由工会核实，如需更改请向主席申请。`}</Text>
      {last ? (
        <View className='change-state' data-change-state={last.state}>
          <Text>{`${STATE[last.state]}：${describeChanges(last.changes)}`}</Text>
          {last.decisionNote ? <Text className='member-row__meta'>{`主席的说明：${last.decisionNote}`}</Text> : null}
        </View>
      ) : null}
      {open ? (
        <View className='form'>
          <Field label='姓名'><TextInput name='changeName' value={name} onChange={setName} maxlength={20} /></Field>
          <Field label='工号'><TextInput name='changeStaffNo' value={staffNo} onChange={setStaffNo} maxlength={20} /></Field>
          <Field label='状态'><Choice name='changeStatus' options={memberStatuses} value={status} onChange={setStatus} /></Field>
          <Field label='变更原因' required error={error || undefined}>
            <TextInput name='changeReason' value={reason} onChange={(v) => { setReason(v); setError('') }} placeholder='如 身份证上的名字、已办理退休' maxlength={100} />
          </Field>
          <AppButton block disabled={busy} onClick={() => void send()}>{busy ? '正在提交…' : '提交变更申请'}</AppButton>
        </View>
      ) : last?.state === 'pending' ? null : (
        <AppButton block variant='secondary' onClick={() => setOpen(true)}>申请修改姓名、工号或状态</AppButton>
      )}
    </View>
  )
}

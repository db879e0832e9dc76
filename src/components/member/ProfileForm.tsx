import { useState, type ReactNode } from 'react'
import { View, Text } from '@tarojs/components'
import { genders, type ProfileInput } from '../../../types/member'
import { memberStatuses } from '../../../types/role'
import { Field } from '@/components/form/Field'
import { TextInput } from '@/components/form/TextInput'
import { Choice } from '@/components/form/Choice'
import { AppButton } from '@/components/AppButton'
import { useAsync } from '@/hooks/useAsync'
import { memberApi } from '@/services/member-api'
import { CallError, messageOf } from '@/services/call'
import '@/components/form/form.scss'
import './member.scss'

export interface ProfileDraft {
  name: string
  department: string
  status: ProfileInput['status'] | undefined
  gender: ProfileInput['gender']
  staffNo: string
  phone: string
  birthday: string
}

export const emptyProfile: ProfileDraft = { name: '', department: '', status: undefined, gender: undefined, staffNo: '', phone: '', birthday: '' }

/** What the form sends: empty optional fields are left out, so they stay as they are. */
export function toProfileInput(d: ProfileDraft): ProfileInput {
  const opt = (v: string) => (v.trim() ? v.trim() : undefined)
  return {
    name: d.name.trim(), department: d.department, status: d.status as ProfileInput['status'],
    gender: d.gender, staffNo: opt(d.staffNo), phone: opt(d.phone), birthday: opt(d.birthday),
  }
}

interface Props {
  initial?: Partial<ProfileDraft>
  submitLabel: string
  /** extra fields above the button (invite code, setup code) */
  children?: ReactNode
  /** staff no. is how the roster recognises people: asked for on the join form */
  askStaffNo?: boolean
  /** a verified member's own form: name, staff no. and status are shown, not edited (the chair changes them) */
  verified?: boolean
  onSubmit: (input: ProfileInput) => Promise<void>
}

const BIRTHDAY = /^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/

/** Checks the app can make before asking the function; each message names the field as the form does. */
function localErrors(d: ProfileDraft): Record<string, string> {
  const e: Record<string, string> = {}
  if (!d.name.trim()) e.name = '请填写姓名'
  if (!d.department) e.department = '请选择部门'
  if (!d.status) e.status = '请选择在职或离退休'
  if (d.phone.trim() && !/^1\d{10}$/.test(d.phone.trim())) e.phone = '手机号应为 11 位数字'
  if (d.birthday.trim() && !BIRTHDAY.test(d.birthday.trim())) e.birthday = '生日请写成 月-日，如 03-08（年份不必填）'
  if (d.staffNo.trim() && !/^[0-9A-Za-z-]{1,20}$/.test(d.staffNo.trim())) e.staffNo = '工号只能是字母和数字'
  return e
}

/** A read-only row for a verified field. */
function Fixed({ label, value }: { label: string; value: string }) {
  return (
    <View className='field' data-fixed={label}>
      <Text className='field__label'>{label}</Text>
      <Text className='profile-fixed'>{value || '未填'}</Text>
    </View>
  )
}

/** Name, department, status and the optional details; errors from the function show on their fields. */
export function ProfileForm({ initial, submitLabel, children, askStaffNo = true, verified = false, onSubmit }: Props) {
  const [draft, setDraft] = useState<ProfileDraft>({ ...emptyProfile, ...initial })
  const [errors, setErrors] = useState<Record<string, string>>({})
  const [failure, setFailure] = useState('')
  const [busy, setBusy] = useState(false)
  const departments = useAsync('departments', memberApi.departments)
  // Changing a field clears its error: a fixed mistake does not stay on screen.
  const set = <K extends keyof ProfileDraft>(key: K) => (value: ProfileDraft[K]) => {
    setDraft((d) => ({ ...d, [key]: value }))
    setErrors((e) => {
      if (!(key in e)) return e
      const { [key]: _fixed, ...rest } = e
      return rest
    })
  }

  async function submit() {
    const problems = localErrors(draft)
    setErrors(problems)
    setFailure('')
    if (Object.keys(problems).length) return
    setBusy(true)
    try {
      await onSubmit(toProfileInput(draft))
    } catch (err) {
      const fieldErrors = err instanceof CallError && err.issues ? Object.fromEntries(err.issues.map((i) => [i.path[0], i.message])) : {}
      setErrors(fieldErrors)
      setFailure(messageOf(err))
    } finally {
      setBusy(false)
    }
  }

  const list = departments.data?.departments ?? []
  return (
    <View>
      <View className='form'>
        {verified ? <Fixed label='姓名' value={draft.name} /> : (
          <Field label='姓名' required error={errors.name}>
            <TextInput name='name' value={draft.name} onChange={set('name')} placeholder='与学校登记的一致' maxlength={20} />
          </Field>
        )}
        <Field label='部门' required error={errors.department}>
          {list.length ? <Choice name='department' options={list} value={draft.department || undefined} onChange={set('department')} /> : (
            <TextInput name='department' value={draft.department} onChange={set('department')} placeholder='如 语文组' maxlength={30} />
          )}
        </Field>
        {verified ? <Fixed label='状态' value={draft.status ?? ''} /> : (
          <Field label='状态' required error={errors.status}>
            <Choice name='status' options={memberStatuses} value={draft.status} onChange={set('status')} />
          </Field>
        )}
        {verified ? <Fixed label='工号' value={draft.staffNo} /> : askStaffNo ? (
          <Field label='工号' hint='与工会名册一致的，提交后自动通过' error={errors.staffNo}>
            <TextInput name='staffNo' value={draft.staffNo} onChange={set('staffNo')} placeholder='选填' maxlength={20} />
          </Field>
        ) : null}
        <Field label='性别' error={errors.gender}>
          <Choice name='gender' options={genders} value={draft.gender} onChange={set('gender')} />
        </Field>
        <Field label='手机' hint='只有工会主席能看到完整号码' error={errors.phone}>
          <TextInput name='phone' type='number' value={draft.phone} onChange={set('phone')} placeholder='选填，11 位' maxlength={11} />
        </Field>
        <Field label='生日' hint='月-日，如 03-08，用于生日慰问；年份不必填' error={errors.birthday}>
          <TextInput name='birthday' value={draft.birthday} onChange={set('birthday')} placeholder='选填，如 03-08' maxlength={5} />
        </Field>
        {children}
      </View>
      {failure ? <View role='alert'><Text className='form__error'>{failure}</Text></View> : null}
      <View className='form__actions'>
        <AppButton block disabled={busy} onClick={() => void submit()}>{busy ? '正在提交…' : submitLabel}</AppButton>
      </View>
    </View>
  )
}

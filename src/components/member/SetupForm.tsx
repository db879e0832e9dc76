import { useState } from 'react'
import { View, Text } from '@tarojs/components'
import { AppButton } from '@/components/AppButton'
import { Field } from '@/components/form/Field'
import { TextInput } from '@/components/form/TextInput'
import { memberApi } from '@/services/member-api'
import { ProfileForm } from './ProfileForm'
import './member.scss'

/**
 * First use only (nobody is chair yet): the person holding the setup code — set in the cloud
 * console, printed by the local cloud — becomes chair. Hidden behind a tap so staff are not confused.
 */
export function SetupForm({ onDone }: { onDone: () => void }) {
  const [open, setOpen] = useState(false)
  const [code, setCode] = useState('')
  if (!open) {
    return (
      <View className='setup-entry'>
        <Text className='setup-entry__text'>工会还没有主席账号。如果你是工会主席并拿到了设置码：</Text>
        <AppButton variant='secondary' onClick={() => setOpen(true)}>我是主席，输入设置码</AppButton>
      </View>
    )
  }
  return (
    <View>
      <Text className='member-section'>成为主席</Text>
      <ProfileForm
        submitLabel='确认，成为工会主席'
        onSubmit={async (profile) => {
          await memberApi.setup({ ...profile, code: code.trim() })
          onDone()
        }}
      >
        <Field label='设置码' required hint='部署时设置的一次性设置码，用过即失效'>
          <TextInput name='setupCode' value={code} onChange={setCode} placeholder='请输入设置码' maxlength={32} />
        </Field>
      </ProfileForm>
    </View>
  )
}

import { useEffect, useState } from 'react'
import Taro from '@tarojs/taro'
import { View, Text, Textarea } from '@tarojs/components'
import { AppButton } from '@/components/AppButton'
import { useAsync } from '@/hooks/useAsync'
import { memberApi } from '@/services/member-api'
import { messageOf } from '@/services/call'

/** The department list the join and profile forms offer; one per line. */
export function DepartmentsCard() {
  const departments = useAsync('departments', memberApi.departments)
  const [text, setText] = useState('')
  useEffect(() => { if (departments.data) setText(departments.data.departments.join('\n')) }, [departments.data])
  const save = async () => {
    try {
      await memberApi.setDepartments(text.split('\n').map((s) => s.trim()).filter(Boolean))
      await departments.reload()
      void Taro.showToast({ title: '已保存', icon: 'success' })
    } catch (err) {
      void Taro.showModal({ title: '没有保存', content: messageOf(err), showCancel: false })
    }
  }
  return (
    <View className='form' data-card='departments'>
      <View className='field'>
        <Text className='member-row__meta'>每行一个部门</Text>
        <Textarea className='text-input text-area' value={text} maxlength={2000} autoHeight onInput={(e) => setText(e.detail.value)} />
      </View>
      <View className='form__actions'><AppButton block variant='secondary' onClick={() => void save()}>保存部门列表</AppButton></View>
    </View>
  )
}

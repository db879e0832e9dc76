import { useState } from 'react'
import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import type { ChangeRequestItem } from '../../../types/member'
import { ListBody } from '@/components/common/ListBody'
import { AppButton } from '@/components/AppButton'
import { TextInput } from '@/components/form/TextInput'
import type { PagedList } from '@/hooks/usePagedList'
import { memberApi } from '@/services/member-api'
import { messageOf } from '@/services/call'
import { formatDate } from '@/utils/time'
import { describeChanges } from './change-words'
import { confirmAction } from './confirm'
import './member.scss'

function Row({ item, onDone }: { item: ChangeRequestItem; onDone: () => void }) {
  const [declining, setDeclining] = useState(false)
  const [note, setNote] = useState('')
  const [busy, setBusy] = useState(false)
  const what = describeChanges(item.changes, item.current)
  const act = async (approve: boolean) => {
    if (approve && !(await confirmAction('同意资料变更', `同意把 ${item.memberName} 的${what}？改动记入操作日志。`, '同意'))) return
    setBusy(true)
    try {
      await memberApi.decideChange(item.id, approve, approve ? undefined : note.trim())
      void Taro.showToast({ title: approve ? '已同意' : '已告知会员', icon: 'success' })
      onDone()
    } catch (err) {
      void Taro.showModal({ title: '没有成功', content: messageOf(err), showCancel: false })
    } finally {
      setBusy(false)
    }
  }
  return (
    <View data-change={item.memberName}>
      <View className='member-row'>
        <View className='member-row__main'>
          <Text className='member-row__name'>{item.memberName}</Text>
          <Text className='member-row__meta'>{`${item.department} · ${formatDate(item.createdAt)} 申请`}</Text>
          <Text className='member-row__meta'>{what}</Text>
          <Text className='member-row__meta'>{`原因：${item.reason}`}</Text>
        </View>
        <View className='member-row__actions'>
          <AppButton disabled={busy} onClick={() => void act(true)}>同意</AppButton>
          <AppButton variant='secondary' disabled={busy} onClick={() => setDeclining(!declining)}>不同意</AppButton>
        </View>
      </View>
      {declining ? (
        <View className='reason-box'>
          <TextInput name='declineNote' value={note} onChange={setNote} placeholder='不同意的原因（会员能看到）' maxlength={100} />
          <AppButton block disabled={busy || note.trim().length < 2} onClick={() => void act(false)}>确认不同意</AppButton>
        </View>
      ) : null}
    </View>
  )
}

/** 资料变更申请 waiting for the chair: what the member asks to change, and why. */
export function ChangeRequestList({ list }: { list: PagedList<ChangeRequestItem> }) {
  return (
    <ListBody
      list={list}
      loadingText='正在读取资料变更申请…'
      empty={{ title: '没有待处理的资料变更申请', hint: '会员申请修改姓名、工号或在职状态时会出现在这里' }}
      renderItem={(item) => <Row key={item.id} item={item} onDone={() => void list.reload()} />}
    />
  )
}

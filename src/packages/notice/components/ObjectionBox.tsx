import { useState } from 'react'
import { View, Text, Textarea } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { NoticeDetail } from '../../../../types/notice'
import { AppButton } from '@/components/AppButton'
import { noticeApi } from '@/components/notice/api'
import { useRequestId } from '@/hooks/useRequestId'
import { messageOf } from '@/services/call'
import { formatDateTime } from '@/utils/time'
import './notice-detail.scss'

/**
 * 异议 during the 公示期: named (the chair sees who raised it), answered by the chair only. The
 * member sees their own objections and the answers; nobody else's.
 */
export function ObjectionBox({ notice, onChanged }: { notice: NoticeDetail; onChanged: () => void }) {
  const [text, setText] = useState('')
  const [saving, setSaving] = useState(false)
  const [error, setError] = useState('')
  const [requestId, renewRequestId] = useRequestId()
  if (!notice.canObject && notice.myObjections.length === 0) return null

  const submit = async () => {
    setSaving(true)
    setError('')
    try {
      await noticeApi.object(notice.id, text, requestId)
      renewRequestId()
      setText('')
      void Taro.showToast({ title: '异议已提交', icon: 'success' })
      onChanged()
    } catch (err) {
      setError(messageOf(err))
    } finally {
      setSaving(false)
    }
  }

  return (
    <View className='notice-card' data-section='objection'>
      <Text className='notice-card__title'>公示期异议</Text>
      {notice.myObjections.map((o) => (
        <View key={o.id} className='objection'>
          <Text className='objection__text'>{`我的异议：${o.text}`}</Text>
          <Text className='objection__meta'>{formatDateTime(o.raisedAt)}</Text>
          {o.answer ? (
            <Text className='objection__answer'>{`主席答复：${o.answer}`}</Text>
          ) : <Text className='objection__pending'>等待主席答复</Text>}
        </View>
      ))}
      {notice.canObject ? (
        <View>
          <Text className='notice-card__hint'>异议需实名提出，只有工会主席能看到并逐条答复。</Text>
          <Textarea className='notice-textarea' value={text} maxlength={500} placeholder='请写明对公示内容的具体异议（至少 5 个字）' onInput={(e) => setText(e.detail.value)} data-testid='objection-text' />
          {error ? <View className='notice-error' role='alert'><Text>{error}</Text></View> : null}
          <AppButton block disabled={(saving || text.trim().length === 0) || undefined} onClick={() => void submit()}>{saving ? '正在提交…' : '实名提出异议'}</AppButton>
        </View>
      ) : null}
    </View>
  )
}

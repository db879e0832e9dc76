import { useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { View, Text, Textarea } from '@tarojs/components'
import type { NoticeObjectionItem, NoticePendingObjection } from '../../../../../types/notice'
import { Tag } from '@/components/common/Tag'
import { PageShell } from '@/components/page-shell/PageShell'
import { AppButton } from '@/components/AppButton'
import { ListBody } from '@/components/common/ListBody'
import { noticeApi } from '@/components/notice/api'
import { usePagedList } from '@/hooks/usePagedList'
import { usePageRefresh } from '@/hooks/usePageRefresh'
import { messageOf } from '@/services/call'
import { formatDateTime } from '@/utils/time'
import '../../components/notice-detail.scss'

type Shown = (NoticeObjectionItem & { noticeId?: undefined }) | (NoticePendingObjection & { answer?: undefined })

function Objection({ o, onAnswered }: { o: Shown; onAnswered: () => void }) {
  const [answer, setAnswer] = useState('')
  const [saving, setSaving] = useState(false)
  const submit = async () => {
    setSaving(true)
    try {
      await noticeApi.answerObjection(o.id, answer)
      void Taro.showToast({ title: '已答复', icon: 'success' })
      onAnswered()
    } catch (err) {
      void Taro.showModal({ title: '没有答复', content: messageOf(err), showCancel: false })
    } finally {
      setSaving(false)
    }
  }
  return (
    <View className='objection' data-objection={o.id}>
      {o.noticeId ? (
        <View onClick={() => void Taro.navigateTo({ url: `/packages/notice/pages/detail/index?id=${encodeURIComponent(o.noticeId!)}` })}>
          <Text className='objection__notice'>{`《${o.noticeTitle}》`}</Text>
          {o.overdue ? <Tag tone='warning'>公示期已结束，请尽快答复</Tag> : null}
        </View>
      ) : null}
      <Text className='objection__meta'>{`${o.name} · ${o.department} · ${formatDateTime(o.raisedAt)}`}</Text>
      <Text className='objection__text'>{o.text}</Text>
      {o.answer ? (
        <Text className='objection__answer'>{`已答复：${o.answer}`}</Text>
      ) : (
        <View>
          <Textarea className='notice-textarea' value={answer} maxlength={500} placeholder='逐条答复（答复后不能修改，提出人会看到）' onInput={(e) => setAnswer(e.detail.value)} data-testid='answer-text' />
          <AppButton block disabled={(saving || answer.trim().length < 2) || undefined} onClick={() => void submit()}>{saving ? '正在提交…' : '答复'}</AppButton>
        </View>
      )}
    </View>
  )
}

/**
 * Only the chair sees objections, with the name of who raised each, and answers each once. With a
 * notice id: that notice's objections; without (from the 工作台): every objection still waiting, oldest first.
 */
export default function NoticeObjectionsPage() {
  const { params } = useRouter()
  const id = params.id ?? ''
  const list = usePagedList<Shown>(id || 'pending', (page) => (id ? noticeApi.objections(id, page) : noticeApi.pendingObjections(page)))
  usePageRefresh([list.reload], list.loadMore)
  return (
    <PageShell>
      <View className='notice-card'>
        <Text className='notice-card__hint'>{id ? '异议为实名提出，仅主席可见。每条答复一次，答复后提出人可在公告页看到。' : '所有公告中还没答复的异议，先提出的在前。每条答复一次，答复后提出人可在公告页看到。'}</Text>
        <ListBody list={list} loadingText='正在加载异议…' empty={{ title: id ? '还没有人提出异议' : '没有待答复的异议' }} renderItem={(o) => <Objection key={o.id} o={o} onAnswered={() => void list.reload()} />} />
      </View>
    </PageShell>
  )
}

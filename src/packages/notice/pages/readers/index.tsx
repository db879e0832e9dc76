import { useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { PageShell } from '@/components/page-shell/PageShell'
import { AppButton } from '@/components/AppButton'
import { LoadingState } from '@/components/states/LoadingState'
import { ErrorState } from '@/components/states/ErrorState'
import { noticeApi } from '@/components/notice/api'
import { useAsync } from '@/hooks/useAsync'
import { messageOf } from '@/services/call'
import { formatDateTime } from '@/utils/time'
import { confirmed } from '../../components/confirm'
import '../../components/notice-detail.scss'

/** The chair's read receipts for one notice: counts, the unread by name, 提醒未读. */
export default function NoticeReadersPage() {
  const { params } = useRouter()
  const id = params.id ?? ''
  const [page, setPage] = useState(1)
  const stats = useAsync(`${id}|${page}`, () => noticeApi.readers(id, page))
  const [sending, setSending] = useState(false)

  if (stats.loading && !stats.data) return <PageShell><LoadingState text='正在统计阅读情况…' /></PageShell>
  if (stats.error || !stats.data) return <PageShell><ErrorState message={stats.error?.message ?? ''} onRetry={stats.reload} /></PageShell>
  const s = stats.data
  const pages = Math.max(1, Math.ceil(s.unread.total / 20))
  const remind = async () => {
    const ok = await confirmed(
      `提醒 ${s.unreadCount} 位未读会员？`,
      `将给还没打开这份公告的 ${s.unreadCount} 位会员各发一条微信订阅消息（只有订阅过提醒的会员能收到），已读的会员不会收到。一小时内不能再次提醒。`,
      '发送',
    )
    if (!ok) return
    setSending(true)
    try {
      const r = await noticeApi.remindUnread(id)
      void Taro.showModal({ title: '已提醒', content: `已向 ${r.sent} 位未读会员发送订阅消息${r.failed ? `；${r.failed} 位未订阅，未能送达` : ''}。`, showCancel: false })
      await stats.reload()
    } catch (err) {
      void Taro.showModal({ title: '没有发送', content: messageOf(err), showCancel: false })
    } finally {
      setSending(false)
    }
  }

  return (
    <PageShell>
      <View className='notice-card'>
        <Text className='notice-card__title' data-testid='read-summary'>{`已读 ${s.readCount} 人 · 未读 ${s.unreadCount} 人`}</Text>
        <Text className='notice-card__hint'>{`按现有会员 ${s.memberCount} 人统计；每人只记录第一次打开的时间。`}</Text>
        {s.lastRemindedAt ? <Text className='notice-card__hint'>{`上次提醒：${formatDateTime(s.lastRemindedAt)}`}</Text> : null}
        {s.unreadCount > 0 ? <AppButton block disabled={(sending) || undefined} onClick={() => void remind()}>{sending ? '正在发送…' : `提醒 ${s.unreadCount} 位未读会员`}</AppButton> : null}
      </View>
      <View className='notice-card'>
        <Text className='notice-card__title'>未读名单</Text>
        {s.unread.items.length === 0 ? <Text className='notice-card__hint'>全部会员都已阅读。</Text> : null}
        {s.unread.items.map((m, i) => (
          <View key={`${m.name}-${i}`} className='versions__item'>
            <Text>{m.name}</Text>
            <Text className='versions__reason'>{m.department}</Text>
          </View>
        ))}
        {pages > 1 ? (
          <View className='pager'>
            <Text className={`pager__link${page <= 1 ? ' pager__link--off' : ''}`} onClick={() => page > 1 && setPage(page - 1)}>‹ 上一页</Text>
            <Text className='versions__reason'>{`${page} / ${pages}`}</Text>
            <Text className={`pager__link${page >= pages ? ' pager__link--off' : ''}`} onClick={() => page < pages && setPage(page + 1)}>下一页 ›</Text>
          </View>
        ) : null}
      </View>
    </PageShell>
  )
}

import { useState } from 'react'
import { View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { NoticeDetail } from '../../../../types/notice'
import { AppButton } from '@/components/AppButton'
import { noticeApi } from '@/components/notice/api'
import { messageOf } from '@/services/call'
import { formatDate } from '@/utils/time'
import { confirmed, lastDayOf } from './confirm'
import './notice-detail.scss'

/** Who will see a notice once it is published, in plain words. */
export function audienceOf(n: Pick<NoticeDetail, 'visibility'>): string {
  return n.visibility === 'public' ? '所有人（包括未入会的访客）' : '全体会员'
}

/** A draft's actions: 编辑草稿 (committee), 发布 (chair) — publishing asks once, saying what it means. */
export function DraftActions({ notice: n, isChair, onPublished }: { notice: NoticeDetail; isChair: boolean; onPublished: () => void }) {
  const [publishing, setPublishing] = useState(false)
  const publish = async () => {
    const period = n.publicityStart && n.publicityEnd
      ? `公示期 ${formatDate(n.publicityStart)} 至 ${formatDate(lastDayOf(n.publicityEnd))}，期间会员可以实名提出异议。`
      : ''
    const ok = await confirmed(`发布《${n.title}》？`, `发布后${audienceOf(n)}都能看到，内容不能再修改，只能由主席“更正”为新版本。${period}`, '发布')
    if (!ok) return
    setPublishing(true)
    try {
      await noticeApi.publish(n.id)
      void Taro.showToast({ title: '已发布', icon: 'success' })
      onPublished()
    } catch (err) {
      void Taro.showModal({ title: '没有发布', content: messageOf(err), showCancel: false })
    } finally {
      setPublishing(false)
    }
  }
  return (
    <View className='notice-actions'>
      <AppButton block variant='secondary' onClick={() => void Taro.navigateTo({ url: `/packages/notice/pages/edit/index?id=${encodeURIComponent(n.id)}` })}>编辑草稿</AppButton>
      {isChair ? <AppButton block disabled={publishing || undefined} onClick={() => void publish()}>{publishing ? '正在发布…' : '发布'}</AppButton> : null}
    </View>
  )
}

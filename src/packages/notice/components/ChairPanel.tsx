import { useState } from 'react'
import { View, Text, Textarea } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { NoticeDetail } from '../../../../types/notice'
import { AppButton } from '@/components/AppButton'
import { noticeApi } from '@/components/notice/api'
import { messageOf } from '@/services/call'
import { files } from '@/services/files'
import { confirmed } from './confirm'
import { audienceOf } from './DraftActions'
import './notice-detail.scss'

/** The chair's tools on a published notice: reads, objections, 更正, 撤回, 置顶, 备案. */
export function ChairPanel({ notice, onChanged }: { notice: NoticeDetail; onChanged: () => void }) {
  const [withdrawing, setWithdrawing] = useState(false)
  const [reason, setReason] = useState('')
  const [busy, setBusy] = useState('')
  const [error, setError] = useState('')
  const go = (page: string) => void Taro.navigateTo({ url: `/packages/notice/pages/${page}/index?id=${encodeURIComponent(notice.id)}` })

  const run = async (what: string, job: () => Promise<void>) => {
    setBusy(what)
    setError('')
    try {
      await job()
    } catch (err) {
      setError(messageOf(err))
    } finally {
      setBusy('')
    }
  }
  const exportFiling = () => run('export', async () => {
    const out = await noticeApi.exportFiling(notice.id)
    await files.openFile(out.url, out.fileName)
  })
  const withdraw = () => run('withdraw', async () => {
    const ok = await confirmed(`撤回《${notice.title}》？`, `撤回后这份公告不再出现在${audienceOf(notice)}的公开列表中；原文、每个版本和撤回原因都会保留，打开链接仍能看到“已撤回”。撤回后不能恢复。`, '撤回')
    if (!ok) return
    await noticeApi.withdraw(notice.id, reason)
    setWithdrawing(false)
    void Taro.showToast({ title: '已撤回', icon: 'success' })
    onChanged()
  })
  const pin = () => run('pin', async () => {
    await noticeApi.pin(notice.id, !notice.pinned)
    onChanged()
  })

  const published = notice.state === 'published'
  return (
    <View className='notice-card' data-section='chair'>
      <Text className='notice-card__title'>主席管理</Text>
      <View className='chair-stats' onClick={() => go('readers')} data-testid='read-count'>
        <Text className='chair-stats__big'>{`已读 ${notice.readCount ?? 0} 人`}</Text>
        <Text className='chair-stats__link'>查看未读名单 ›</Text>
      </View>
      {notice.publicityStart ? (
        <View className='chair-stats' onClick={() => go('objections')} data-testid='objections-link'>
          <Text className='chair-stats__big'>公示期异议</Text>
          <Text className='chair-stats__link'>查看并答复 ›</Text>
        </View>
      ) : null}
      {error ? <View className='notice-error' role='alert'><Text>{error}</Text></View> : null}
      <View className='chair-actions'>
        {published ? <AppButton variant='secondary' onClick={() => void Taro.navigateTo({ url: `/packages/notice/pages/edit/index?id=${encodeURIComponent(notice.id)}&mode=correct` })}>更正</AppButton> : null}
        {published ? <AppButton variant='secondary' disabled={(busy === 'pin') || undefined} onClick={() => void pin()}>{notice.pinned ? '取消置顶' : '置顶'}</AppButton> : null}
        {published ? <AppButton variant='secondary' onClick={() => setWithdrawing(!withdrawing)}>撤回</AppButton> : null}
        <AppButton variant='secondary' disabled={(busy === 'export') || undefined} onClick={() => void exportFiling()}>{busy === 'export' ? '正在生成…' : '导出备案'}</AppButton>
      </View>
      {withdrawing ? (
        <View className='withdraw-form'>
          <Text className='notice-card__hint'>撤回后公告不再出现在列表中，但原文和撤回原因会保留，打开链接仍可查看。</Text>
          <Textarea className='notice-textarea' value={reason} maxlength={200} placeholder='撤回原因（必填）' onInput={(e) => setReason(e.detail.value)} data-testid='withdraw-reason' />
          <AppButton block disabled={(busy === 'withdraw' || reason.trim().length < 2) || undefined} onClick={() => void withdraw()}>确认撤回</AppButton>
        </View>
      ) : null}
    </View>
  )
}

import { useState } from 'react'
import Taro, { useRouter, useShareAppMessage } from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import type { NoticeDetail } from '../../../../../types/notice'
import { hasRole } from '../../../../../types/role'
import { PageShell } from '@/components/page-shell/PageShell'
import { Tag } from '@/components/common/Tag'
import { DetailRow } from '@/components/common/DetailRow'
import { AppButton } from '@/components/AppButton'
import { LoadingState } from '@/components/states/LoadingState'
import { ErrorState } from '@/components/states/ErrorState'
import { NoticeBody } from '@/components/notice/NoticeBody'
import { Attachments } from '@/components/notice/Attachments'
import { noticeApi } from '@/components/notice/api'
import { useAsync } from '@/hooks/useAsync'
import { useMe } from '@/hooks/useMe'
import { useReloadOnReturn } from '@/hooks/useNoticeReturn'
import { usePageRefresh } from '@/hooks/usePageRefresh'
import { messageOf } from '@/services/call'
import { recallNotice } from '@/services/selection'
import { formatDate, formatDateTime } from '@/utils/time'
import { ObjectionBox } from '../../components/ObjectionBox'
import { ChairPanel } from '../../components/ChairPanel'
import { Versions } from '../../components/Versions'
import '@/components/common/detail.scss'
import '../../components/notice-detail.scss'

const PUBLICITY: Record<NoticeDetail['publicityState'], string> = { none: '', upcoming: '即将公示', active: '公示中', ended: '公示已结束' }

/**
 * One notice: body, attachments, versions (已更正 n 次), 公示期 and objections; for the chair the
 * read count and the tools; for committee on a draft, editing. Opening it records the member's
 * first read (in the function).
 */
export default function NoticeDetailPage() {
  const { params } = useRouter()
  const id = params.id ?? ''
  const [version, setVersion] = useState<number | undefined>(undefined)
  const me = useMe()
  const notice = useAsync(`${id}|${version ?? ''}`, () => noticeApi.get(id, version))
  const known = recallNotice(id)
  const role = me.data?.role ?? 'visitor'
  const [publishing, setPublishing] = useState(false)
  useReloadOnReturn(notice.reload)
  usePageRefresh([notice.reload])

  useShareAppMessage(() => ({
    title: notice.data?.title ?? known?.title ?? '校务公开',
    path: `/packages/notice/pages/detail/index?id=${encodeURIComponent(id)}`,
  }))

  if (notice.loading && !notice.data) return <PageShell><LoadingState text='正在打开公告…' /></PageShell>
  if (notice.error || !notice.data) {
    return (
      <PageShell>
        <ErrorState message={notice.error?.message ?? '公告不存在'} onRetry={notice.error?.retryable ? notice.reload : undefined} />
        <View className='notice-actions'><AppButton block variant='secondary' onClick={() => void Taro.switchTab({ url: '/pages/notices/index' })}>返回公开列表</AppButton></View>
      </PageShell>
    )
  }
  const n = notice.data
  const isChair = hasRole(role, 'chair')
  const isCommittee = hasRole(role, 'committee')
  const viewingOld = n.version !== n.currentVersion
  const publish = async () => {
    setPublishing(true)
    try {
      await noticeApi.publish(n.id)
      void Taro.showToast({ title: '已发布', icon: 'success' })
      await notice.reload()
    } catch (err) {
      void Taro.showModal({ title: '没有发布', content: messageOf(err), showCancel: false })
    } finally {
      setPublishing(false)
    }
  }

  return (
    <PageShell>
      {n.state === 'withdrawn' ? (
        <View className='notice-banner' role='alert'>
          <Text className='notice-banner__title'>{`本公告已于 ${formatDateTime(n.withdrawnAt!)} 撤回`}</Text>
          <Text className='notice-banner__text'>{`撤回原因：${n.withdrawReason ?? ''}`}</Text>
        </View>
      ) : null}
      {viewingOld ? (
        <View className='notice-banner notice-banner--info' onClick={() => setVersion(undefined)}>
          <Text className='notice-banner__title'>{`正在查看第 ${n.version} 版（已被更正）`}</Text>
          <Text className='notice-banner__text'>{`点此查看当前第 ${n.currentVersion} 版`}</Text>
        </View>
      ) : null}
      {n.state === 'draft' ? (
        <View className='notice-banner notice-banner--info'>
          <Text className='notice-banner__title'>草稿：仅委员和主席可见，主席发布后会员才能看到</Text>
        </View>
      ) : null}
      <View className='detail'>
        <Text className='detail__title'>{n.title}</Text>
        <View className='detail__tags'>
          {n.pinned ? <Tag tone='primary'>置顶</Tag> : null}
          {n.publicityState !== 'none' ? <Tag tone={n.publicityState === 'active' ? 'success' : n.publicityState === 'upcoming' ? 'info' : 'neutral'}>{PUBLICITY[n.publicityState]}</Tag> : null}
          {n.correctionCount > 0 ? <Tag tone='warning'>{`已更正 ${n.correctionCount} 次`}</Tag> : null}
          {n.visibility === 'public' ? <Tag tone='info'>对外</Tag> : <Tag>对内</Tag>}
        </View>
        <DetailRow label='类别' value={n.category} />
        <DetailRow label='范围' value={n.visibility === 'public' ? '对外公开（所有人可见）' : '对内公开（仅会员可见）'} />
        {n.publishedAt ? <DetailRow label={n.version > 1 ? '更正时间' : '发布时间'} value={formatDateTime(n.publishedAt)} /> : null}
        {n.reason ? <DetailRow label='更正原因' value={n.reason} /> : null}
        {n.publicityStart && n.publicityEnd ? (
          <DetailRow label='公示期' value={`${formatDate(n.publicityStart)} 至 ${formatDate(new Date(Date.parse(n.publicityEnd) - 1).toISOString())}`} />
        ) : null}
        {n.objectionSummary ? (
          <DetailRow label='异议' value={`公示期内收到 ${n.objectionSummary.raised} 条，已答复 ${n.objectionSummary.answered} 条`} />
        ) : null}
        <NoticeBody blocks={n.body} />
        <Attachments list={n.attachments} />
      </View>
      <Versions notice={n} onPick={(v) => setVersion(v === n.currentVersion ? undefined : v)} />
      {!viewingOld && !isChair ? <ObjectionBox notice={n} onChanged={() => void notice.reload()} /> : null}
      {isChair && n.state !== 'draft' ? <ChairPanel notice={n} onChanged={() => void notice.reload()} /> : null}
      {isCommittee && n.state === 'draft' ? (
        <View className='notice-actions'>
          <AppButton block variant='secondary' onClick={() => void Taro.navigateTo({ url: `/packages/notice/pages/edit/index?id=${encodeURIComponent(n.id)}` })}>编辑草稿</AppButton>
          {isChair ? <AppButton block disabled={(publishing) || undefined} onClick={() => void publish()}>{publishing ? '正在发布…' : '发布'}</AppButton> : null}
        </View>
      ) : null}
    </PageShell>
  )
}

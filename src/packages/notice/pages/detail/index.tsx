import { useState } from 'react'
import Taro, { useRouter, useShareAppMessage } from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { hasRole } from '../../../../../types/role'
import { PageShell } from '@/components/page-shell/PageShell'
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
import { recallNotice } from '@/services/selection'
import { formatDate, formatDateTime } from '@/utils/time'
import { ObjectionBox } from '../../components/ObjectionBox'
import { ChairPanel } from '../../components/ChairPanel'
import { Versions } from '../../components/Versions'
import { NoticeTags } from '../../components/NoticeTags'
import { NoticeLinkCard } from '../../components/NoticeLinkCard'
import { DraftActions } from '../../components/DraftActions'
import { lastDayOf } from '../../components/confirm'
import '@/components/common/detail.scss'
import '../../components/notice-detail.scss'

/**
 * One notice: body, attachments, versions (已更正 n 次), 公示期 and objections, the activity it
 * announces (去报名); for the chair the read count and the tools; for committee on a draft,
 * editing and (chair) publishing. Opening it records the member's first read (in the function).
 */
export default function NoticeDetailPage() {
  const { params } = useRouter()
  const id = params.id ?? ''
  const [version, setVersion] = useState<number | undefined>(undefined)
  const me = useMe()
  const notice = useAsync(`${id}|${version ?? ''}`, () => noticeApi.get(id, version))
  const known = recallNotice(id)
  const role = me.data?.role ?? 'visitor'
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
  const viewingOld = n.version !== n.currentVersion
  const reload = () => void notice.reload()

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
          <Text className='notice-banner__title'>草稿：仅委员和主席可见，主席发布后才会公开</Text>
        </View>
      ) : null}
      <View className='detail'>
        <Text className='detail__title'>{n.title}</Text>
        <NoticeTags notice={n} />
        <DetailRow label='类别' value={n.category} />
        <DetailRow label='范围' value={n.visibility === 'public' ? '对外公开（所有人可见）' : '对内公开（仅会员可见）'} />
        {n.publishedAt ? <DetailRow label={n.version > 1 ? '更正时间' : '发布时间'} value={formatDateTime(n.publishedAt)} /> : null}
        {n.reason ? <DetailRow label='更正原因' value={n.reason} /> : null}
        {n.link && n.state === 'draft' ? <DetailRow label='关联活动' value={n.link.title} /> : null}
        {n.publicityStart && n.publicityEnd ? (
          <DetailRow label={n.state === 'draft' ? '计划公示期' : '公示期'} value={`${formatDate(n.publicityStart)} 至 ${formatDate(lastDayOf(n.publicityEnd))}`} />
        ) : null}
        {n.objectionSummary ? (
          <DetailRow label='异议' value={`公示期内收到 ${n.objectionSummary.raised} 条，已答复 ${n.objectionSummary.answered} 条`} />
        ) : null}
        <NoticeBody blocks={n.body} />
        <Attachments noticeId={n.id} version={viewingOld ? n.version : undefined} list={n.attachments} />
      </View>
      {n.link && n.state === 'published' ? <NoticeLinkCard link={n.link} /> : null}
      <Versions notice={n} onPick={(v) => setVersion(v === n.currentVersion ? undefined : v)} />
      {!viewingOld && !isChair ? <ObjectionBox notice={n} onChanged={reload} /> : null}
      {isChair && n.state !== 'draft' ? <ChairPanel notice={n} onChanged={reload} /> : null}
      {hasRole(role, 'committee') && n.state === 'draft' ? <DraftActions notice={n} isChair={isChair} onPublished={reload} /> : null}
    </PageShell>
  )
}

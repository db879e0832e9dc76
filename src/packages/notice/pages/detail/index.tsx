import { useRouter } from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { PageShell } from '@/components/page-shell/PageShell'
import { Tag } from '@/components/common/Tag'
import { DetailRow } from '@/components/common/DetailRow'
import { BackToList } from '@/components/common/BackToList'
import { recallNotice } from '@/services/selection'
import { formatDate, formatDateTime } from '@/utils/time'
import '@/components/common/detail.scss'

/**
 * Notice detail. Shows the facts the list already carries (category, visibility, 公示期,
 * corrections); the body, attachments, versions and read receipt come with notice.get.
 */
export default function NoticeDetailPage() {
  const { params } = useRouter()
  const notice = recallNotice(params.id)
  if (!notice) {
    return (
      <PageShell>
        <BackToList what='公开' tabUrl='/pages/notices/index' />
      </PageShell>
    )
  }
  return (
    <PageShell>
      <View className='detail'>
        <Text className='detail__title'>{notice.title}</Text>
        <View className='detail__tags'>
          {notice.pinned ? <Tag tone='primary'>置顶</Tag> : null}
          {notice.publicityState === 'active' ? <Tag tone='success'>公示中</Tag> : null}
          {notice.publicityState === 'ended' ? <Tag>已结束</Tag> : null}
          {notice.correctionCount > 0 ? <Tag tone='warning'>{`已更正 ${notice.correctionCount} 次`}</Tag> : null}
        </View>
        <DetailRow label='类别' value={notice.category} />
        <DetailRow label='范围' value={notice.visibility === 'public' ? '对外公开（所有人可见）' : '对内公开（仅会员可见）'} />
        <DetailRow label='发布时间' value={formatDateTime(notice.publishedAt)} />
        {notice.publicityStart && notice.publicityEnd ? (
          <DetailRow label='公示期' value={`${formatDate(notice.publicityStart)} 至 ${formatDate(notice.publicityEnd)}`} />
        ) : null}
      </View>
    </PageShell>
  )
}

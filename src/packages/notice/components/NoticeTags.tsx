import { View } from '@tarojs/components'
import type { NoticeDetail } from '../../../../types/notice'
import { Tag, type TagTone } from '@/components/common/Tag'

const PUBLICITY: Record<NoticeDetail['publicityState'], [string, TagTone] | null> = {
  none: null,
  planned: ['公示期（发布后生效）', 'neutral'],
  upcoming: ['即将公示', 'info'],
  active: ['公示中', 'success'],
  ended: ['公示已结束', 'neutral'],
}

/**
 * Tags that tell the truth: a draft says 草稿 (its 公示期 is only planned), a withdrawn notice says
 * 已撤回 and no 公示中.
 */
export function NoticeTags({ notice: n }: { notice: NoticeDetail }) {
  const publicity = n.state === 'withdrawn' ? null : PUBLICITY[n.publicityState]
  return (
    <View className='detail__tags'>
      {n.state === 'draft' ? <Tag tone='warning'>草稿</Tag> : null}
      {n.state === 'withdrawn' ? <Tag tone='neutral'>已撤回</Tag> : null}
      {n.pinned && n.state === 'published' ? <Tag tone='primary'>置顶</Tag> : null}
      {publicity ? <Tag tone={publicity[1]}>{publicity[0]}</Tag> : null}
      {n.correctionCount > 0 ? <Tag tone='warning'>{`已更正 ${n.correctionCount} 次`}</Tag> : null}
      {n.visibility === 'public' ? <Tag tone='info'>对外</Tag> : <Tag>对内</Tag>}
    </View>
  )
}

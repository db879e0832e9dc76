import { View, Text } from '@tarojs/components'
import type { NoticeDetail } from '../../../../types/notice'
import { formatDateTime } from '@/utils/time'
import './notice-detail.scss'

/** 已更正 n 次: every published version, newest first; tapping one shows it. */
export function Versions({ notice, onPick }: { notice: NoticeDetail; onPick: (version: number) => void }) {
  if (notice.versions.length < 2) return null
  return (
    <View className='notice-card' data-section='versions'>
      <Text className='notice-card__title'>{`版本记录（已更正 ${notice.correctionCount} 次）`}</Text>
      <Text className='notice-card__hint'>已发布的内容不会被修改，每次更正都会保留原版本。</Text>
      {notice.versions.map((v) => (
        <View key={v.version} className={`versions__item${v.version === notice.version ? ' versions__item--on' : ''}`} onClick={() => onPick(v.version)} data-version={v.version}>
          <View>
            <Text>{`第 ${v.version} 版${v.version === notice.currentVersion ? '（当前）' : ''}${v.version === 1 ? ' 首次发布' : ' 更正'}`}</Text>
            {v.reason ? <Text className='versions__reason'>{`更正原因：${v.reason}`}</Text> : null}
          </View>
          <Text className='versions__reason'>{formatDateTime(v.publishedAt)}</Text>
        </View>
      ))}
    </View>
  )
}

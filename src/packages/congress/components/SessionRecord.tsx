import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import type { SessionView } from '../../../../types/congress'

const go = (url: string) => void Taro.navigateTo({ url })

/**
 * The session's record as every member reads it: the agenda, its 会议文件 (校务公开 notices), and each 票决 held for its 代表 with a
 * link to the results once it has closed (to the ballot while it is open).
 */
export function SessionRecord({ s }: { s: Pick<SessionView, 'agenda' | 'polls' | 'documents'> }) {
  if (!s.agenda.length && !s.polls.length && !s.documents.length) return null
  return (
    <View className='cg-card' data-testid='session-record'>
      {s.agenda.length ? <Text className='cg-strong'>会议议程</Text> : null}
      {s.agenda.map((a, i) => <Text key={i} className='cg-line' data-agenda={i}>{`${i + 1}. ${a}`}</Text>)}
      {s.documents.length ? <Text className='cg-para cg-strong'>会议文件</Text> : null}
      {s.documents.map((d) => (
        <Text key={d.noticeId} className='cg-link' data-session-document={d.title} onClick={() => go(`/packages/notice/pages/detail/index?id=${d.noticeId}`)}>{`《${d.title}》`}</Text>
      ))}
      {s.polls.length ? <Text className='cg-para cg-strong'>票决</Text> : null}
      {s.polls.map((p) => (
        <View key={p.id} className='cg-file' data-poll={p.id}>
          <Text className='cg-file__name'>{`${p.title}（${p.state}，${p.closesOn} 截止）`}</Text>
          <Text className='cg-link' onClick={() => go(`/packages/poll/pages/${p.done ? 'results' : 'ballot'}/index?id=${p.id}`)}>{p.done ? '查看结果' : '去投票'}</Text>
        </View>
      ))}
    </View>
  )
}

import { useState } from 'react'
import { useRouter } from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { formatCode, gradeLabels, voteChoiceLabels, type BallotView, type PollItem } from '../../../../../types/poll'
import { PageShell } from '@/components/page-shell/PageShell'
import { ListBody } from '@/components/common/ListBody'
import { AppButton } from '@/components/AppButton'
import { Field } from '@/components/form/Field'
import { TextInput } from '@/components/form/TextInput'
import { usePagedList } from '@/hooks/usePagedList'
import { usePageRefresh } from '@/hooks/usePageRefresh'
import { messageOf } from '@/services/call'
import { pollApi } from '../../api'
import { rememberedTracker } from '../../trackers'
import '../../poll.scss'

/** A ballot as one line per item, in the poll's own order (the voter's screen order is not kept). */
function Lines({ b, items }: { b: BallotView; items: PollItem[] }) {
  const text = items.map((it, i) => {
    if (b.grades) return `${it.name}：${gradeLabels[b.grades[i]]}`
    if (b.votes) return `${it.name}：${voteChoiceLabels[b.votes[i]]}`
    return b.picks?.includes(it.id) ? `✓ ${it.name}` : null
  }).filter(Boolean)
  return <Text className='poll-line'>{text.length ? text.join('；') : '空白票（一人未选）'}{b.commented ? `（写了 ${b.commented} 条评语）` : ''}</Text>
}

/** 选票核对: every ballot with its tracker, in random order; find mine by the tracker I noted. */
export default function VerifyPage() {
  const { params } = useRouter()
  const id = params.id ?? ''
  const [items, setItems] = useState<PollItem[]>([])
  const list = usePagedList(`poll-ballots:${id}`, async (page) => {
    const out = await pollApi.ballots(id, page)
    setItems(out.pollItems)
    return out
  })
  usePageRefresh([list.reload], list.loadMore)
  const [tracker, setTracker] = useState(rememberedTracker(id) ?? '')
  const [found, setFound] = useState<{ ok: boolean; ballot?: BallotView; message: string } | null>(null)

  const find = async () => {
    try {
      const r = await pollApi.findBallot(id, tracker)
      setFound(r.found ? { ok: true, ballot: r.ballot, message: '找到了：这张选票已计入结果。' } : { ok: false, message: '没有找到这个核对码，请核对后重试。' })
    } catch (err) {
      setFound({ ok: false, message: messageOf(err) })
    }
  }
  return (
    <PageShell>
      <View className='form'>
        <Field label='我的核对码' hint='投票成功时显示的 8 位核对码'>
          <TextInput name='tracker' value={tracker} onChange={setTracker} placeholder='例如 ABCD-2345' maxlength={12} />
        </Field>
        <View className='poll-actions'><AppButton block disabled={tracker.length < 8 || undefined} onClick={() => void find()}>查找我的选票</AppButton></View>
        {found ? (
          <View data-testid='found' className={`poll-alert${found.ok ? ' poll-ok' : ''}`}>
            <Text>{found.message}</Text>
            {found.ballot ? <Lines b={found.ballot} items={items} /> : null}
          </View>
        ) : null}
      </View>
      <Text className='poll-section'>全部选票（随机顺序，不含姓名）</Text>
      <ListBody
        list={list}
        loadingText='正在加载选票…'
        empty={{ title: '没有可以核对的选票', hint: '投票结束且结果有效后，全部选票会在这里公开' }}
        renderItem={(b) => (
          <View key={b.tracker} className={`poll-card${formatCode(b.tracker) === formatCode(tracker.toUpperCase().replace(/[\s-]/g, '')) ? ' poll-card--mine' : ''}`} data-ballot={b.tracker}>
            <Text className='poll-item__name'>{formatCode(b.tracker)}</Text>
            <Lines b={b} items={items} />
          </View>
        )}
      />
    </PageShell>
  )
}

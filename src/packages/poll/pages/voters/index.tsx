import { useRouter } from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import type { NonVoter } from '../../../../../types/poll'
import { PageShell } from '@/components/page-shell/PageShell'
import { ListBody } from '@/components/common/ListBody'
import { AppButton } from '@/components/AppButton'
import { usePagedList } from '@/hooks/usePagedList'
import { usePageRefresh } from '@/hooks/usePageRefresh'
import { messageOf } from '@/services/call'
import { pollApi } from '../../api'
import { confirmStep, tell } from '@/services/confirm'
import '../../poll.scss'

/** 未投票名单 (chair): who has no receipt yet — never how anyone voted. 提醒 them, or 发码 to one at the venue. */
export default function NonVotersPage() {
  const { params } = useRouter()
  const id = params.id ?? ''
  const list = usePagedList(`poll-nonvoters:${id}`, (page) => pollApi.nonVoters(id, page))
  usePageRefresh([list.reload], list.loadMore)

  const remind = async () => {
    try {
      const r = await pollApi.remind(id)
      tell('已提醒', `向 ${r.nonVoters} 位未投票的人发出提醒，${r.sent} 人收到。`)
    } catch (err) {
      tell('没有提醒', messageOf(err))
    }
  }
  const issue = async (m: NonVoter) => {
    if (!(await confirmStep('发评议码', `把一张评议码发给 ${m.name}？登记后 ${m.name} 只能用这张评议码投票，不能再用手机投票；系统不记录发的是哪一张。`, '确认发码'))) return
    try {
      const r = await pollApi.issueSlip(id, m.memberId)
      tell('已登记', `已登记发给 ${r.name}（本次共发出 ${r.issued} 张）。`)
      await list.reload()
    } catch (err) {
      tell('没有登记', messageOf(err))
    }
  }
  return (
    <PageShell>
      <View className='poll-actions'>
        <AppButton block onClick={() => void remind()}>提醒未投票的人</AppButton>
        <Text className='poll-line'>{`还有 ${list.total} 人没有投票。这里只有“谁还没投”，没有任何人的选择。`}</Text>
      </View>
      <View className='poll-card'>
        <ListBody
          list={list}
          loadingText='正在加载名单…'
          empty={{ title: '名单上的人都已投票' }}
          renderItem={(m) => (
            <View key={m.memberId} className='poll-person' data-person={m.name}>
              <Text className='poll-person__name'>{`${m.name}（${m.department}）`}</Text>
              <Text className='poll-person__action' onClick={() => void issue(m)}>发码</Text>
            </View>
          )}
        />
      </View>
    </PageShell>
  )
}

import Taro, { useDidShow } from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import type { PollSummary } from '../../../../../types/poll'
import { PageShell } from '@/components/page-shell/PageShell'
import { ListBody } from '@/components/common/ListBody'
import { Guide, type GuidePoint } from '@/components/common/Guide'
import { AppButton } from '@/components/AppButton'
import { usePagedList } from '@/hooks/usePagedList'
import { usePageRefresh } from '@/hooks/usePageRefresh'
import { useMe } from '@/hooks/useMe'
import { hasRole } from '../../../../../types/role'
import { pollApi } from '../../api'
import { askForPollMessages } from '../../subscribe'
import { PollRow } from '../../components/PollRow'
import '../../poll.scss'

const go = (url: string) => void Taro.navigateTo({ url })

const points: GuidePoint[] = [
  { title: '一人一票，不记名', text: '系统只记录谁已经投票，不记录谁投了什么：选票上没有姓名、微信身份和时间，主席和系统管理员也查不到。' },
  { title: '投票中只看人数', text: '投票结束前，任何人都看不到票数，只能看到已投票人数。' },
  { title: '自己核对', text: '投票后会显示一个核对码。结束后，全部选票（不含姓名）会按随机顺序公开，你可以用核对码找到自己的那一张。' },
  { title: '做不到的', text: '微信平台知道谁在什么时候调用了小程序；请不要把核对码给别人看，否则别人能知道你的选票。' },
]

/** 投票与测评: the polls I may vote in (待投票 first by opening), closed ones with their results. */
export default function PollListPage() {
  const list = usePagedList('poll:mine', pollApi.list)
  const me = useMe()
  usePageRefresh([list.reload], list.loadMore)
  useDidShow(() => void list.reload())
  const open = (p: PollSummary) => go(`/packages/poll/pages/${p.state === 'open' ? 'ballot' : 'results'}/index?id=${p.id}`)
  return (
    <PageShell>
      <View className='poll-links'>
        <Text className='poll-link' data-testid='subscribe' onClick={askForPollMessages}>有新投票或快截止时提醒我</Text>
        {me.data?.role && hasRole(me.data.role, 'committee') ? <Text className='poll-link' onClick={() => go('/packages/poll/pages/manage/index')}>组织投票与测评</Text> : null}
      </View>
      <ListBody
        list={list}
        loadingText='正在加载投票…'
        empty={{ title: '还没有你可以参加的投票', hint: '工会发起民主测评、评选或票决后，会出现在这里', action: <AppButton variant='secondary' onClick={askForPollMessages}>有新投票时提醒我</AppButton> }}
        renderItem={(p) => <PollRow key={p.id} poll={p} onOpen={open} />}
      />
      <Guide title='关于不记名投票' points={points} />
    </PageShell>
  )
}

import Taro, { useDidShow } from '@tarojs/taro'
import { View } from '@tarojs/components'
import { pollKindLabels, pollKinds } from '../../../../../types/poll'
import { PageShell } from '@/components/page-shell/PageShell'
import { ListBody } from '@/components/common/ListBody'
import { AppButton } from '@/components/AppButton'
import { usePagedList } from '@/hooks/usePagedList'
import { usePageRefresh } from '@/hooks/usePageRefresh'
import { pollApi } from '../../api'
import { PollRow } from '../../components/PollRow'
import '../../poll.scss'

const go = (url: string) => void Taro.navigateTo({ url })

/** 组织投票与测评 (committee and chair): every poll, drafts included; a new one of any kind. */
export default function PollManagePage() {
  const list = usePagedList('poll:manage', pollApi.manageList)
  usePageRefresh([list.reload], list.loadMore)
  useDidShow(() => void list.reload())
  return (
    <PageShell>
      <View className='poll-actions'>
        {pollKinds.map((k) => (
          <AppButton key={k} block variant={k === 'appraisal' ? 'primary' : 'secondary'} onClick={() => go(`/packages/poll/pages/edit/index?kind=${k}`)}>{`新建${pollKindLabels[k]}`}</AppButton>
        ))}
      </View>
      <ListBody
        list={list}
        loadingText='正在加载…'
        empty={{ title: '还没有投票', hint: '新建后先存为草稿，检查无误再开始投票' }}
        renderItem={(p) => <PollRow key={p.id} poll={p} onOpen={() => go(`/packages/poll/pages/console/index?id=${p.id}`)} />}
      />
    </PageShell>
  )
}

import { useState } from 'react'
import Taro, { useDidShow, useRouter } from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { majorityLabels, needed, percent, type PollConsole } from '../../../../../types/poll'
import { PageShell } from '@/components/page-shell/PageShell'
import { LoadingState } from '@/components/states/LoadingState'
import { ErrorState } from '@/components/states/ErrorState'
import { AppButton } from '@/components/AppButton'
import { TextInput } from '@/components/form/TextInput'
import { useAsync } from '@/hooks/useAsync'
import { usePageRefresh } from '@/hooks/usePageRefresh'
import { useMe } from '@/hooks/useMe'
import { messageOf } from '@/services/call'
import { pollApi } from '../../api'
import { PollHeader } from '../../components/PollHeader'
import { confirmStep, tell } from '@/services/confirm'
import { Slips } from './Slips'
import '../../poll.scss'

const go = (url: string) => void Taro.navigateTo({ url })

/**
 * 投票管理: one poll through its life — edit and open the draft (the roster is frozen), watch
 * turnout and remind, 评议码, close (counting happens then), results, reports, publish, next round.
 */
export default function PollConsolePage() {
  const { params } = useRouter()
  const id = params.id ?? ''
  const poll = useAsync(`poll-console:${id}`, () => pollApi.console(id))
  const me = useMe()
  usePageRefresh([poll.reload])
  useDidShow(() => void poll.reload())
  const [days, setDays] = useState('5')
  const [busy, setBusy] = useState(false)
  const p = poll.data
  const chair = me.data?.role === 'chair'

  const step = async (run: () => Promise<unknown>, failTitle: string) => {
    setBusy(true)
    try {
      await run()
      await poll.reload()
    } catch (err) {
      tell(failTitle, messageOf(err))
    } finally {
      setBusy(false)
    }
  }
  const open = async (c: PollConsole) => {
    const size = await pollApi.previewElectorate(c.electorateSetting).then((x) => `${x.size} 人`).catch(() => '名单上的人')
    if (await confirmStep('开始投票', `开始后，投票人名单（${c.electorate.label}，${size}）将被锁定，投票内容也不能再修改。确认开始？`, '开始投票')) await step(() => pollApi.open(c.id, c.revision), '没有开始')
  }
  const close = async (c: PollConsole) => {
    const text = `结束后不能再投票，系统将立即计票。现在已投票 ${c.turnout.receipts} / ${c.turnout.rosterSize} 人（法定人数 ${needed(c.turnout.rosterSize, c.quorum)} 人，${majorityLabels[c.quorum]}）。此操作无法撤销，确认结束？`
    if (await confirmStep('结束投票', text, '结束计票')) await step(() => pollApi.close(c.id), '没有结束')
  }
  const publish = async (c: PollConsole) => {
    const n = Number(days)
    if (!(await confirmStep('公布结果', `将生成“${c.title}结果公示”公告草稿（公示期 ${n} 天），投票人全体可见结果。打开草稿核对后在公开栏发布。确认？`))) return
    await step(async () => {
      const out = await pollApi.publish(c.id, n)
      go(`/packages/notice/pages/detail/index?id=${out.noticeId}`)
    }, '没有公布')
  }
  const remind = (c: PollConsole) => step(async () => {
    const r = await pollApi.remind(c.id)
    tell('已提醒', `向 ${r.nonVoters} 位未投票的人发出提醒，${r.sent} 人收到（没有订阅提醒的人收不到）。`)
  }, '没有提醒')
  const runoff = (c: PollConsole) => step(async () => {
    const out = await pollApi.runoff(c.id)
    go(`/packages/poll/pages/console/index?id=${out.id}`)
  }, '没有发起')
  const discard = async (c: PollConsole) => {
    if (await confirmStep('删除草稿', `删除“${c.title}”草稿？删除后不能恢复。`, '删除')) await step(async () => { await pollApi.discard(c.id, c.revision); void Taro.navigateBack() }, '没有删除')
  }

  return (
    <PageShell>
      {poll.loading ? <LoadingState text='正在读取…' /> : null}
      {poll.error ? <ErrorState message={poll.error.message} onRetry={poll.error.retryable ? poll.reload : undefined} /> : null}
      {p ? <PollHeader poll={p} /> : null}
      {p && p.state === 'draft' ? (
        <View className='poll-actions'>
          <AppButton block variant='secondary' onClick={() => go(`/packages/poll/pages/edit/index?id=${p.id}`)}>编辑草稿</AppButton>
          {chair ? <AppButton block disabled={busy || undefined} onClick={() => void open(p)}>开始投票</AppButton> : <Text className='poll-line'>由工会主席开始投票。</Text>}
          <AppButton block variant='secondary' onClick={() => void discard(p)}>删除草稿</AppButton>
        </View>
      ) : null}
      {p && p.state === 'open' ? (
        <View>
          <Text className='poll-alert'>{`投票中：只显示已投票人数（${percent(p.turnout.receipts, p.turnout.rosterSize)}），任何人都看不到票数，结束后才计票。`}</Text>
          {chair ? (
            <View className='poll-actions'>
              <AppButton block variant='secondary' onClick={() => go(`/packages/poll/pages/voters/index?id=${p.id}`)}>未投票名单（提醒、发评议码）</AppButton>
              <AppButton block variant='secondary' disabled={busy || undefined} onClick={() => void remind(p)}>提醒未投票的人</AppButton>
            </View>
          ) : null}
          {chair ? <Slips poll={p} onChange={() => void poll.reload()} /> : null}
          {chair ? <View className='poll-actions'><AppButton block disabled={busy || undefined} onClick={() => void close(p)}>结束投票并计票</AppButton></View> : null}
        </View>
      ) : null}
      {p && (p.state === 'closed' || p.state === 'published') ? (
        <View className='poll-actions'>
          <AppButton block onClick={() => go(`/packages/poll/pages/results/index?id=${p.id}`)}>查看结果</AppButton>
          {chair && p.state === 'closed' ? (
            <View className='poll-card'>
              <Text className='poll-item__name'>公布结果到校务公开</Text>
              <View className='poll-criterion'>
                <Text className='poll-row__label'>公示期（天）</Text>
                <TextInput name='publicity-days' type='number' value={days} onChange={setDays} maxlength={2} />
              </View>
              <AppButton block disabled={busy || undefined} onClick={() => void publish(p)}>生成结果公示</AppButton>
            </View>
          ) : null}
          {p.noticeId ? <AppButton block variant='secondary' onClick={() => go(`/packages/notice/pages/detail/index?id=${p.noticeId}`)}>打开结果公示</AppButton> : null}
          {chair && p.kind === 'election' && p.outcome === 'valid' && !p.runoffId ? <AppButton block variant='secondary' disabled={busy || undefined} onClick={() => void runoff(p)}>发起下一轮（并列或名额不足时）</AppButton> : null}
          {p.runoffId ? <AppButton block variant='secondary' onClick={() => go(`/packages/poll/pages/console/index?id=${p.runoffId}`)}>打开下一轮</AppButton> : null}
        </View>
      ) : null}
    </PageShell>
  )
}

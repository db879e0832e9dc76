import { useState } from 'react'
import Taro, { useDidShow, useRouter } from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import type { ProposalItem, ProposalState } from '../../../../../types/congress'
import { PageShell } from '@/components/page-shell/PageShell'
import { LoadingState } from '@/components/states/LoadingState'
import { ErrorState } from '@/components/states/ErrorState'
import { AppButton } from '@/components/AppButton'
import { useAsync } from '@/hooks/useAsync'
import { usePageRefresh } from '@/hooks/usePageRefresh'
import { files } from '@/services/files'
import { messageOf } from '@/services/call'
import { congressApi } from '../../api'
import { tell } from '@/services/confirm'
import { askForOverdueMessages } from '../../subscribe'
import { Figures } from '../../components/Figures'
import { ProposalRow } from '../../components/ProposalRow'
import '../../congress.scss'

const go = (url: string) => void Taro.navigateTo({ url })
/** What waits for the 提案工作委员会, in the order it is done. */
const QUEUES: Array<[ProposalState, string]> = [['submitted', '待立案审查'], ['accepted', '待交办'], ['answered', '答复待审核'], ['assigned', '办理中'], ['rating', '待评价（期满可结束）']]

async function queues(sessionId: string): Promise<Array<[string, ProposalItem[]]>> {
  const lists = await Promise.all(QUEUES.map(([s]) => congressApi.list(sessionId, 1, { state: s })))
  return QUEUES.map(([, label], i) => [label, lists[i].items])
}

/**
 * 提案工作台 (提案工作委员会 and the chair): 立案审查, 交办 and answer review queues, congress-day
 * attendance with the quorum, and the 提案汇编 / 办理情况报告 / 台账 files.
 */
export default function CongressDeskPage() {
  const { params } = useRouter()
  const sessions = useAsync('congress:sessions', () => congressApi.sessions())
  const sessionId = params.session ?? sessions.data?.items[0]?.id ?? ''
  const view = useAsync(`congress:desk:${sessionId}`, () => (sessionId ? congressApi.session(sessionId) : Promise.resolve(null)))
  const work = useAsync(`congress:queues:${sessionId}`, () => (sessionId ? queues(sessionId) : Promise.resolve([])))
  const attendance = useAsync(`congress:attendance:${sessionId}`, () => (sessionId ? congressApi.attendance(sessionId) : Promise.resolve(null)))
  usePageRefresh([view.reload, work.reload, attendance.reload])
  useDidShow(() => void Promise.all([view.reload(), work.reload(), attendance.reload()]))
  const [busy, setBusy] = useState(false)
  const s = view.data
  const a = attendance.data

  const download = async (kind: 'compilation' | 'report' | 'ledger') => {
    setBusy(true)
    try {
      const f = await congressApi.exportRecords(sessionId, kind)
      await files.openFile(f.url, f.fileName)
    } catch (err) {
      tell('没有生成文件', messageOf(err))
    } finally {
      setBusy(false)
    }
  }

  if (sessions.loading || view.loading) return <PageShell><LoadingState text='正在加载提案工作台…' /></PageShell>
  const error = sessions.error ?? view.error
  if (error || !s) return <PageShell><ErrorState message={error?.message ?? '还没有教代会'} onRetry={view.reload} /></PageShell>
  if (!s.me.committee) return <PageShell><ErrorState message='只有提案工作委员会委员和主席可以使用提案工作台' /></PageShell>
  const open = (p: ProposalItem) => go(`/packages/congress/pages/proposal/index?id=${p.id}`)
  return (
    <PageShell>
      <View className='cg-card'>
        <Text className='cg-title'>{s.title}</Text>
        <Text className='cg-line'>{`提案工作委员会：${s.committee.map((c) => c.name).join('、') || '（主席尚未确定）'}`}</Text>
        {s.me.chair ? <Text className='cg-link' data-testid='subscribe' onClick={askForOverdueMessages}>有提案超期时提醒我</Text> : null}
      </View>
      <Figures f={s.figures} />
      {(work.data ?? []).map(([label, items]) => (
        <View key={label} data-queue={label}>
          <Text className='cg-section'>{`${label}（${items.length}）`}</Text>
          {items.map((p) => <ProposalRow key={p.id} p={p} onOpen={open} />)}
        </View>
      ))}
      {a ? (
        <View className='cg-card' data-testid='quorum'>
          <Text className='cg-strong'>会议签到</Text>
          <Text className='cg-line'>{`已到 ${a.present} / ${a.delegates} 人，过三分之二需 ${a.quorum} 人：${a.reached ? '已达到法定人数' : '未达到法定人数'}`}</Text>
          <Text className='cg-link' onClick={() => go(`/packages/congress/pages/people/index?session=${sessionId}`)}>代表名单与签到 ›</Text>
        </View>
      ) : null}
      <View className='cg-actions'>
        <AppButton block variant='secondary' disabled={busy} onClick={() => void download('compilation')}>提案汇编（Word）</AppButton>
        <AppButton block variant='secondary' disabled={busy} onClick={() => void download('report')}>提案办理情况报告（Word）</AppButton>
        <AppButton block variant='secondary' disabled={busy} onClick={() => void download('ledger')}>提案台账（Excel）</AppButton>
        <AppButton block variant='secondary' onClick={() => go('/packages/poll/pages/edit/index?kind=vote')}>发起大会票决（投票人选“教代会代表”）</AppButton>
      </View>
    </PageShell>
  )
}

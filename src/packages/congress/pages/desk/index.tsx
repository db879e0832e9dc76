import { useRef, useState } from 'react'
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
import { DeskQueue } from '../../components/DeskQueue'
import '../../congress.scss'

const go = (url: string) => void Taro.navigateTo({ url })
/** What waits for the 提案工作委员会 (the function sends the queues in the order the work is done). */
const QUEUE_LABELS: Partial<Record<ProposalState, string>> = { submitted: '待立案审查', accepted: '待交办', answered: '答复待审核', assigned: '办理中', rating: '待评价（期满可结束）' }

/**
 * 提案工作台 (提案工作委员会 and the chair): 立案审查, 交办 and answer review queues, congress-day
 * attendance with the quorum, and the 提案汇编 / 办理情况报告 / 台账 files. Opens with one call (`desk`).
 */
export default function CongressDeskPage() {
  const { params } = useRouter()
  const desk = useAsync(`congress:desk:${params.session ?? ''}`, () => congressApi.desk(params.session))
  usePageRefresh([desk.reload])
  // The first show is the first load; every later one (back from a proposal) asks again.
  const shown = useRef(false)
  useDidShow(() => {
    if (shown.current) void desk.reload()
    shown.current = true
  })
  const [busy, setBusy] = useState(false)
  const s = desk.data?.session
  const a = desk.data?.attendance
  const sessionId = s?.id ?? ''

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

  if (desk.loading) return <PageShell><LoadingState text='正在加载提案工作台…' /></PageShell>
  if (desk.error?.code === 'FORBIDDEN') return <PageShell><ErrorState message={desk.error.message} /></PageShell>
  if (desk.error || !s) return <PageShell><ErrorState message={desk.error?.message ?? '还没有教代会'} onRetry={desk.reload} /></PageShell>
  const open = (p: ProposalItem) => go(`/packages/congress/pages/proposal/index?id=${p.id}`)
  return (
    <PageShell>
      <View className='cg-card'>
        <Text className='cg-title'>{s.title}</Text>
        <Text className='cg-line'>{`提案工作委员会：${s.committee.map((c) => c.name).join('、') || '（主席尚未确定）'}`}</Text>
        {s.me.chair ? <Text className='cg-link' data-testid='subscribe' onClick={askForOverdueMessages}>有提案超期时提醒我</Text> : null}
      </View>
      <Figures f={s.figures} />
      {(desk.data?.queues ?? []).map((q) => <DeskQueue key={q.state} sessionId={sessionId} label={QUEUE_LABELS[q.state] ?? q.state} queue={q} onOpen={open} />)}
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

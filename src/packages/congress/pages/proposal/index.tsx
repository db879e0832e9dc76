import { useState } from 'react'
import Taro, { useDidShow, useRouter } from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import type { Decision, ProposalDetail, Rating } from '../../../../../types/congress'
import { PageShell } from '@/components/page-shell/PageShell'
import { LoadingState } from '@/components/states/LoadingState'
import { ErrorState } from '@/components/states/ErrorState'
import { Tag } from '@/components/common/Tag'
import { AppButton } from '@/components/AppButton'
import { useAsync } from '@/hooks/useAsync'
import { usePageRefresh } from '@/hooks/usePageRefresh'
import { messageOf } from '@/services/call'
import { congressApi } from '../../api'
import { numberLabel, stateTag } from '../../labels'
import { confirmStep, tell } from '@/services/confirm'
import { DecidePanel } from '../../components/DecidePanel'
import { AssignPanel, type AssignInput } from '../../components/AssignPanel'
import { RatePanel } from '../../components/RatePanel'
import { InvitePanel } from '../../components/InvitePanel'
import { CoNotePanel } from '../../components/CoNotePanel'
import { Handling } from './Handling'
import '../../congress.scss'

const go = (url: string) => void Taro.navigateTo({ url })
const INVITE_STATE = { invited: '待回复', accepted: '已附议', declined: '已谢绝' } as const
const todayOf = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10)

/**
 * 提案: what it asks, who seconded it, how the committee decided (with the reason the proposer
 * sees), the answers and the ratings — and, for the person looking, the one step that is theirs.
 */
export default function ProposalPage() {
  const { params } = useRouter()
  const id = params.id ?? ''
  const q = useAsync(`congress:proposal:${id}`, () => congressApi.detail(id))
  usePageRefresh([q.reload])
  useDidShow(() => void q.reload())
  const [busy, setBusy] = useState(false)
  const p = q.data

  const act = async (run: (p: ProposalDetail) => Promise<unknown>, failTitle: string, done?: string) => {
    if (!p) return
    setBusy(true)
    try {
      await run(p)
      await q.reload()
      if (done) void Taro.showToast({ title: done, icon: 'success' })
    } catch (err) {
      tell(failTitle, messageOf(err))
    } finally {
      setBusy(false)
    }
  }
  const submit = async () => {
    if (p && await confirmStep('提交提案', `提交后交提案工作委员会审查，不能再修改（除非被退回）。现有 ${p.seconds} 位代表附议。确认提交？`, '提交')) {
      await act((x) => congressApi.submit(x.id, x.revision), '没有提交', '已提交')
    }
  }
  const decide = (d: Decision, reason: string, intoId?: string) => act((x) => congressApi.decide(x.id, x.revision, d, reason, intoId), '没有保存审查意见', '已保存')
  const assign = (input: AssignInput) => act((x) => congressApi.assign(x.id, x.revision, input), '没有交办', '已交办')
  const coNote = (text: string, revision?: number) => act((x) => congressApi.coNote(x.id, text, revision), '没有保存协办意见', '已保存')
  const rate = (r: Rating, comment: string) => act((x) => congressApi.rate(x.id, r, comment), '没有提交评价', '已评价')
  const closeRating = async () => {
    if (p && await confirmStep('结束评价', '评价期限已过。还没有评价的人记为“未评价”，按已有的评价办结（第一次答复有不满意的，转入面商再答复）。确认结束？', '结束评价')) {
      await act((x) => congressApi.closeRating(x.id, x.revision), '没有结束评价', '已结束评价')
    }
  }
  const review = async (approve: boolean) => {
    if (!p) return
    if (approve) return act((x) => congressApi.reviewAnswer(x.id, x.revision, true, ''), '没有通过', '已交评价')
    const r = await Taro.showModal({ title: '退回重办', content: '', editable: true, placeholderText: '退回理由（承办人会看到）', confirmText: '退回' } as any)
    const reason = String((r as { content?: string }).content ?? '').trim()
    if (r.confirm && reason) await act((x) => congressApi.reviewAnswer(x.id, x.revision, false, reason), '没有退回')
  }

  if (q.loading) return <PageShell><LoadingState text='正在加载提案…' /></PageShell>
  if (q.error || !p) return <PageShell><ErrorState message={q.error?.message ?? '没有找到这件提案'} onRetry={q.reload} /></PageShell>
  const tag = stateTag(p.state)
  return (
    <PageShell>
      <View className='cg-card'>
        <Text className='cg-title'>{`${numberLabel(p.number)} ${p.title}`}</Text>
        <View className='cg-tags'><Tag tone={tag.tone}>{tag.label}</Tag><Tag>{p.category}</Tag>{p.fromOpinion ? <Tag tone='info'>来自意见箱</Tag> : null}</View>
        <Text className='cg-line'>{`提案人 ${p.proposerName} · 附议 ${p.seconds}/${p.secondsNeeded}`}</Text>
        <Text className='cg-para cg-strong'>理由</Text>
        <Text className='cg-para'>{p.reasons}</Text>
        <Text className='cg-para cg-strong'>办法和建议</Text>
        <Text className='cg-para'>{p.measures}</Text>
      </View>
      {p.decisionReason ? (
        <View className='cg-card cg-card--warn' data-testid='decision-reason'>
          <Text className='cg-strong'>{p.state === 'returned' ? '退回修改的理由' : p.state === 'suggestion' ? '转为意见建议的理由' : '审查说明'}</Text>
          <Text className='cg-para'>{p.decisionReason}</Text>
        </View>
      ) : null}
      {p.mergedInto ? <View className='cg-card'><Text className='cg-para' onClick={() => go(`/packages/congress/pages/proposal/index?id=${p.mergedInto!.id}`)}>{`已并入 ${numberLabel(p.mergedInto.number)}“${p.mergedInto.title}”，请在那里查看答复并评价 ›`}</Text></View> : null}
      {p.mergedFrom.length ? <View className='cg-card'><Text className='cg-line'>{`并入本案：${p.mergedFrom.map((m) => `“${m.title}”（${m.proposerName}）`).join('、')}`}</Text></View> : null}
      {p.invites.length ? (
        <View className='cg-card'>
          <Text className='cg-strong'>附议</Text>
          {p.invites.map((i) => <Text key={i.memberId} className='cg-line' data-invite={i.state}>{`${i.name}：${INVITE_STATE[i.state]}`}</Text>)}
        </View>
      ) : null}
      <Handling p={p} />
      {p.returnedAnswerReason && p.can.answer ? <View className='cg-card cg-card--warn'><Text className='cg-para'>{`答复被退回重办：${p.returnedAnswerReason}`}</Text></View> : null}

      {p.can.respond ? (
        <View className='cg-actions' data-testid='respond'>
          <Text className='cg-para'>{`${p.proposerName} 邀请你附议这件提案。`}</Text>
          <AppButton block disabled={busy} onClick={() => void act((x) => congressApi.respond(x.id, true), '没有附议', '已附议')}>同意附议</AppButton>
          <AppButton block variant='secondary' disabled={busy} onClick={() => void act((x) => congressApi.respond(x.id, false), '没有保存')}>谢绝</AppButton>
        </View>
      ) : null}
      {p.can.edit ? (
        <View className='cg-actions'>
          <AppButton block variant='secondary' onClick={() => go(`/packages/congress/pages/edit/index?session=${p.sessionId}&id=${p.id}`)}>修改提案</AppButton>
          <AppButton block disabled={!p.can.submit || busy} onClick={() => void submit()}>{p.can.submit ? '提交提案' : `还需 ${p.secondsNeeded - p.seconds} 位代表附议`}</AppButton>
        </View>
      ) : null}
      {p.can.invite ? <InvitePanel sessionId={p.sessionId} exclude={[p.proposerId, ...p.invites.map((i) => i.memberId)]} busy={busy} onInvite={(ids) => void act((x) => congressApi.invite(x.id, ids), '没有发出邀请', '已邀请')} /> : null}
      {p.can.decide ? <DecidePanel sessionId={p.sessionId} selfId={p.id} busy={busy} onDecide={(d, r, i) => void decide(d, r, i)} /> : null}
      {p.can.assign ? <AssignPanel today={todayOf()} busy={busy} onAssign={(i) => void assign(i)} /> : null}
      {p.can.coNote ? <CoNotePanel key={p.myCoNote?.revision ?? -1} mine={p.myCoNote} busy={busy} onSave={(t, r) => void coNote(t, r)} /> : null}
      {p.can.answer ? <View className='cg-actions'><AppButton block onClick={() => go(`/packages/congress/pages/answer/index?id=${p.id}`)}>答复这件提案</AppButton></View> : null}
      {p.can.review ? (
        <View className='cg-actions' data-testid='review'>
          <AppButton block disabled={busy} onClick={() => void review(true)}>答复通过，交提案人评价</AppButton>
          <AppButton block variant='secondary' disabled={busy} onClick={() => void review(false)}>退回重办</AppButton>
        </View>
      ) : null}
      {p.can.rate ? <RatePanel busy={busy} onRate={(r, c) => void rate(r, c)} /> : null}
      {p.can.closeRating ? <View className='cg-actions' data-testid='close-rating'><AppButton block variant='secondary' disabled={busy} onClick={() => void closeRating()}>评价期满，结束评价</AppButton></View> : null}
    </PageShell>
  )
}

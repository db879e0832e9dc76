import { useState } from 'react'
import Taro, { useDidShow, useRouter } from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { PageShell } from '@/components/page-shell/PageShell'
import { LoadingState } from '@/components/states/LoadingState'
import { ErrorState } from '@/components/states/ErrorState'
import { Field } from '@/components/form/Field'
import { TextInput } from '@/components/form/TextInput'
import { Choice } from '@/components/form/Choice'
import { AppButton } from '@/components/AppButton'
import { useAsync } from '@/hooks/useAsync'
import { usePageRefresh } from '@/hooks/usePageRefresh'
import { messageOf } from '@/services/call'
import { congressApi } from '../../api'
import { ScanCheckin } from '../../components/ScanCheckin'
import { MemberFinder, type FoundMember } from '../../components/MemberFinder'
import { tell } from '@/services/confirm'
import '../../congress.scss'

const KINDS = ['代表', '代表团组长', '列席'] as const

/**
 * 代表与签到 (committee and chair): 代表 per 选区 (and 列席) of the session, added from the member list
 * and removed with a reason; on congress day, scanning 代表's 签到码 (or ticking who is present from the
 * roster, for one without a phone) shows whether two thirds are.
 */
export default function CongressPeoplePage() {
  const { params } = useRouter()
  const sessionId = params.session ?? ''
  const people = useAsync(`congress:people:${sessionId}`, () => congressApi.delegates(sessionId))
  const present = useAsync(`congress:present:${sessionId}`, () => congressApi.attendance(sessionId))
  usePageRefresh([people.reload, present.reload])
  useDidShow(() => void Promise.all([people.reload(), present.reload()]))
  const [picked, setPicked] = useState<FoundMember>()
  // a new search form after each addition
  const [added, setAdded] = useState(0)
  const [constituency, setConstituency] = useState('')
  const [kind, setKind] = useState<(typeof KINDS)[number]>('代表')
  const [busy, setBusy] = useState(false)

  const run = async (step: () => Promise<unknown>, failTitle: string) => {
    setBusy(true)
    try {
      await step()
      await Promise.all([people.reload(), present.reload()])
    } catch (err) {
      tell(failTitle, messageOf(err))
    } finally {
      setBusy(false)
    }
  }
  const add = () => picked && void run(() => congressApi.addDelegate(sessionId, picked.memberId, constituency.trim() || `${picked.department}选区`, kind === '列席' ? 'guest' : 'delegate', kind === '代表团组长'), '没有加入')
    .then(() => { setPicked(undefined); setAdded((n) => n + 1) })
  const remove = async (memberId: string, name: string) => {
    const r = await Taro.showModal({ title: `移出 ${name}`, content: '', editable: true, placeholderText: '原因（如 调离本校）', confirmText: '移出' } as any)
    const reason = String((r as { content?: string }).content ?? '').trim()
    if (r.confirm && reason) await run(() => congressApi.removeDelegate(sessionId, memberId, reason), '没有移出')
  }

  if (people.loading) return <PageShell><LoadingState text='正在加载代表名单…' /></PageShell>
  if (people.error) return <PageShell><ErrorState message={people.error.message} onRetry={people.reload} /></PageShell>
  const a = present.data
  const here = new Set((a?.items ?? []).filter((i) => i.present).map((i) => i.memberId))
  return (
    <PageShell>
      {a ? (
        <View className='cg-card' data-testid='quorum'>
          <Text className='cg-strong'>会议签到</Text>
          <Text className='cg-line'>{`已到 ${a.present} / ${a.delegates} 人，需 ${a.quorum} 人（三分之二）：${a.reached ? '已达到法定人数' : '未达到法定人数'}`}</Text>
        </View>
      ) : null}
      <ScanCheckin sessionId={sessionId} onSigned={() => void present.reload()} />
      {(people.data?.items ?? []).map((d) => (
        <View key={d.memberId} className='cg-card' data-person={d.memberId}>
          <Text className='cg-strong'>{`${d.name}${d.leader ? '（代表团组长）' : ''}${d.kind === 'guest' ? '（列席）' : ''}`}</Text>
          <Text className='cg-line'>{`${d.constituency} · ${d.department}`}</Text>
          <View className='cg-links'>
            {d.kind === 'delegate' ? (
              <Text className='cg-link' data-checkin={d.memberId} onClick={() => { if (!here.has(d.memberId)) void run(() => congressApi.checkin(sessionId, [d.memberId]), '没有签到') }}>
                {here.has(d.memberId) ? '已签到' : '签到'}
              </Text>
            ) : null}
            <Text className='cg-link' onClick={() => void remove(d.memberId, d.name)}>移出</Text>
          </View>
        </View>
      ))}
      <View className='cg-card' data-testid='add'>
        <Text className='cg-strong'>加入代表或列席</Text>
        <MemberFinder key={added} label='姓名' name='query' required picked={picked ? [picked] : []} onPick={setPicked} testId='find-member' />
        <Field label='选区' hint='不填则按部门'><TextInput name='constituency' value={constituency} onChange={setConstituency} placeholder={picked ? `${picked.department}选区` : '例如 语文组选区'} maxlength={30} /></Field>
        <Field label='身份'><Choice name='kind' options={KINDS} value={kind} onChange={setKind} /></Field>
        <AppButton block disabled={!picked || busy} onClick={add}>加入名单</AppButton>
      </View>
    </PageShell>
  )
}

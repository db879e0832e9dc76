import { useState, type ReactNode } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { formatCode, type BallotInput } from '../../../../../types/poll'
import { PageShell } from '@/components/page-shell/PageShell'
import { LoadingState } from '@/components/states/LoadingState'
import { ErrorState } from '@/components/states/ErrorState'
import { AppButton } from '@/components/AppButton'
import { Field } from '@/components/form/Field'
import { TextInput } from '@/components/form/TextInput'
import { useAsync } from '@/hooks/useAsync'
import { messageOf } from '@/services/call'
import { pollApi } from '../../api'
import { rememberedTracker } from '../../trackers'
import { PollHeader } from '../../components/PollHeader'
import { BallotForm } from '../../components/BallotForm'
import { TrackerCard } from '../../components/TrackerCard'
import { confirmStep, tell } from '@/services/confirm'
import '../../poll.scss'

const go = (url: string) => void Taro.navigateTo({ url })

/**
 * 投票: the poll's terms and turnout, then the ballot — on the voter's own phone, or (`slip=1`) on a
 * shared device with a 评议码, where each voter enters their code, votes, notes the tracker and
 * hands over to the next ("下一位投票").
 */
export default function BallotPage() {
  const { params } = useRouter()
  const id = params.id ?? ''
  const shared = params.slip === '1'
  const poll = useAsync(`poll:${id}`, () => pollApi.detail(id))
  const [code, setCode] = useState('')
  const [codeOk, setCodeOk] = useState(false)
  const [tracker, setTracker] = useState<string | null>(null)
  const [busy, setBusy] = useState(false)
  const [round, setRound] = useState(0)

  const checkCode = async () => {
    setBusy(true)
    try {
      await pollApi.checkSlip(id, code)
      setCodeOk(true)
    } catch (err) {
      tell('评议码不能使用', messageOf(err))
    } finally {
      setBusy(false)
    }
  }
  const cast = async (ballot: BallotInput) => {
    if (!(await confirmStep('提交选票', '选票提交后不能修改，也不能再投一次。确认提交？', '提交'))) return
    setBusy(true)
    try {
      const out = shared ? await pollApi.castBySlip(id, code, ballot) : await pollApi.cast(id, ballot)
      setTracker(out.tracker)
      void poll.reload()
    } catch (err) {
      tell('没有投上', messageOf(err))
    } finally {
      setBusy(false)
    }
  }
  const next = () => {
    setTracker(null)
    setCode('')
    setCodeOk(false)
    setRound(round + 1)
  }

  const p = poll.data
  let body: ReactNode = null
  if (p && tracker) {
    body = (
      <View>
        <TrackerCard pollId={id} tracker={tracker} shared={shared} />
        <View className='poll-actions'>
          {shared ? <AppButton block onClick={next}>下一位投票</AppButton> : <AppButton block variant='secondary' onClick={() => void Taro.navigateBack()}>返回</AppButton>}
        </View>
      </View>
    )
  } else if (p && p.state !== 'open') {
    body = (
      <View className='poll-actions'>
        <Text className='poll-alert'>{p.state === 'draft' ? '投票还没有开始' : '投票已经结束'}</Text>
        {p.state !== 'draft' ? <AppButton block onClick={() => go(`/packages/poll/pages/results/index?id=${id}`)}>查看结果</AppButton> : null}
      </View>
    )
  } else if (p && shared && !codeOk) {
    body = (
      <View className='form' data-testid='slip-entry'>
        <Field label='评议码' hint='纸条上的 10 位字母和数字；此码只能用一次，不记名。'>
          <TextInput name='slip-code' value={code} onChange={setCode} placeholder='例如 ABCDE-23456' maxlength={14} />
        </Field>
        <View className='poll-actions'><AppButton block disabled={busy || code.length < 10 || undefined} onClick={() => void checkCode()}>核对评议码</AppButton></View>
      </View>
    )
  } else if (p && shared) {
    body = <BallotForm key={round} poll={p} busy={busy} onSubmit={(b) => void cast(b)} />
  } else if (p && !p.me.eligible) {
    body = <Text className='poll-alert'>你不在本次投票的名单中（名单在投票开始时锁定）。</Text>
  } else if (p && p.me.voted) {
    const mine = rememberedTracker(id)
    body = <Text className='poll-alert poll-ok'>{`你已投过票。${mine ? `本机记住的核对码：${formatCode(mine)}，投票结束后可在“选票核对”里找到你的选票。` : ''}`}</Text>
  } else if (p) {
    body = <BallotForm poll={p} busy={busy} onSubmit={(b) => void cast(b)} />
  }

  return (
    <PageShell>
      {poll.loading ? <LoadingState text='正在打开投票…' /> : null}
      {poll.error ? <ErrorState message={poll.error.message} onRetry={poll.error.retryable ? poll.reload : undefined} /> : null}
      {p ? <PollHeader poll={p} /> : null}
      {shared && p ? <Text className='poll-alert'>公用设备评议码投票：本机不记录投票人，也不保存核对码。</Text> : null}
      {body}
      {p && p.state === 'open' && !shared && !tracker ? (
        <View className='poll-links'>
          <Text className='poll-link' onClick={() => go(`/packages/poll/pages/ballot/index?id=${id}&slip=1`)}>有评议码？在本机用评议码投票</Text>
        </View>
      ) : null}
    </PageShell>
  )
}

import { useEffect, useState } from 'react'
import { useRouter } from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import type { OpinionRef, OpinionView } from '../../../../../types/opinion'
import { PageShell } from '@/components/page-shell/PageShell'
import { LoadingState } from '@/components/states/LoadingState'
import { ErrorState } from '@/components/states/ErrorState'
import { CodeEntry } from '@/components/opinion/CodeEntry'
import { OpinionThread } from '@/components/opinion/OpinionThread'
import { MessageBox } from '@/components/opinion/MessageBox'
import { RateBar } from '@/components/opinion/RateBar'
import { opinionApi } from '@/components/opinion/api'
import { markRepliesSeen, takeHandedOffCode } from '@/components/opinion/receipts'
import { CallError, messageOf } from '@/services/call'
import '@/components/opinion/opinion.scss'

/**
 * 意见进度: an anonymous item by receipt code (typed here, or handed over in memory from 我的意见
 * — never in the URL), a named one by `?id=`. Shows status and replies; follow-up and rating.
 */
export default function OpinionTrackPage() {
  const { params } = useRouter()
  const [ref, setRef] = useState<OpinionRef | null>(() => (params.id ? { id: params.id } : (() => { const c = takeHandedOffCode(); return c ? { code: c } : null })()))
  const [view, setView] = useState<OpinionView | null>(null)
  const [error, setError] = useState<CallError | Error | null>(null)
  const [loading, setLoading] = useState(false)
  const [rateError, setRateError] = useState('')

  const show = (v: OpinionView) => {
    setView(v)
    if (ref && 'code' in ref) markRepliesSeen(ref.code, v.replies.length)
  }
  useEffect(() => {
    if (!ref) return
    setLoading(true)
    setError(null)
    opinionApi.view(ref).then(show, setError).finally(() => setLoading(false))
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [ref])

  if (!ref || (error && 'code' in ref && !view)) {
    return (
      <PageShell>
        <View className='op-section'>
          <Text className='op-section__title'>凭回执码查看匿名意见</Text>
          <CodeEntry busy={loading} onOpen={(code) => setRef({ code })} />
          {error ? <View className='form-error' role='alert'>{messageOf(error)}</View> : null}
        </View>
      </PageShell>
    )
  }
  if (loading && !view) return <PageShell><LoadingState text='正在查询…' /></PageShell>
  if (error && !view) return <PageShell><ErrorState message={messageOf(error)} /></PageShell>
  if (!view) return <PageShell><LoadingState /></PageShell>
  const answered = view.replies.length > 0 && (view.state === 'replied' || view.state === 'closed')
  const open = view.state !== 'closed' && view.state !== 'rejected'
  return (
    <PageShell>
      <OpinionThread opinion={view} />
      {answered ? (
        <View className='op-section'>
          <Text className='op-section__title'>对答复满意吗？</Text>
          <RateBar value={view.rating} onRate={(r) => { setRateError(''); opinionApi.rate(ref, r).then(show, (e) => setRateError(messageOf(e))) }} />
          {rateError ? <View className='form-error' role='alert'>{rateError}</View> : null}
        </View>
      ) : null}
      {open ? (
        <View className='op-section'>
          <Text className='op-section__title'>补充说明</Text>
          <MessageBox name='follow-up' placeholder='还有要补充的，写在这里（匿名时只记录日期）' submitLabel='发送补充' onSubmit={async (text) => show(await opinionApi.followUp(ref, text))} />
        </View>
      ) : null}
    </PageShell>
  )
}

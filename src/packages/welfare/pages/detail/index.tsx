import Taro, { useDidShow, useRouter } from '@tarojs/taro'
import { View, Text, Image } from '@tarojs/components'
import { formatFen } from '../../../../../types/money'
import { PageShell } from '@/components/page-shell/PageShell'
import { DetailRow } from '@/components/common/DetailRow'
import { LoadingState } from '@/components/states/LoadingState'
import { ErrorState } from '@/components/states/ErrorState'
import { AppButton } from '@/components/AppButton'
import { Tag } from '@/components/common/Tag'
import { welfareApi } from '@/components/welfare/api'
import { useAsync } from '@/hooks/useAsync'
import { messageOf } from '@/services/call'
import { formatDateTime, formatDay } from '@/utils/time'
import '../../components/form.scss'

const STATE = { planned: '计划中', done: '已慰问', cancelled: '已取消' } as const

/** One visit: what was given, photos, and every change made to it (nothing is ever deleted). */
export default function WelfareDetailPage() {
  const { params } = useRouter()
  const id = params.id ?? ''
  const visit = useAsync(`welfare-visit|${id}`, () => welfareApi.get(id))
  useDidShow(() => void visit.reload())
  const v = visit.data
  if (visit.error) return <PageShell><ErrorState message={visit.error.message} onRetry={visit.error.retryable ? visit.reload : undefined} /></PageShell>
  if (!v) return <PageShell><LoadingState text='正在加载…' /></PageShell>

  const cancel = async () => {
    // editable: the weapp modal takes the reason as text (not in Taro's typings).
    const res = await Taro.showModal({ title: '取消这次慰问', editable: true, placeholderText: '请填写原因，如 本人已调离', content: '' } as Taro.showModal.Option)
    if (!res.confirm) return
    try {
      await welfareApi.cancel(v.id, v.revision, String((res as { content?: string }).content ?? '').trim())
      await visit.reload()
    } catch (err) {
      void Taro.showModal({ title: '没有取消', content: messageOf(err), showCancel: false })
    }
  }
  const go = (mode: string) => void Taro.navigateTo({ url: `/packages/welfare/pages/record/index?id=${v.id}&mode=${mode}` })
  const person = v.memberId ? `memberId=${v.memberId}&name=${encodeURIComponent(v.recipientName)}` : `name=${encodeURIComponent(v.recipientName)}`

  return (
    <PageShell>
      <View className='summary'>
        <Text className='summary__total' style={{ color: 'var(--color-text)' }}>{v.recipientName}</Text>
        <Text className='summary__line'>{[v.department, v.relation, v.recipientKind === 'other' ? '非会员' : ''].filter(Boolean).join(' · ')}</Text>
        <View><Tag tone='primary'>{v.reason}</Tag><Tag tone={v.state === 'done' ? 'success' : 'info'}>{STATE[v.state]}</Tag></View>
      </View>
      <View className='form'>
        <DetailRow label='日期' value={formatDay(v.visitDate)} />
        <DetailRow label='慰问金' value={`${formatFen(v.cashFen)} 元`} />
        <DetailRow label='慰问品' value={v.gifts.map((g) => `${g.name}（${formatFen(g.valueFen)} 元）`).join('、') || '无'} />
        <DetailRow label='合计' value={`${formatFen(v.cashFen + v.giftValueFen)} 元`} />
        <DetailRow label='经费来源' value={v.fund} />
        <DetailRow label='看望人' value={v.visitors.join('、') || '—'} />
        {v.followUpOn ? <DetailRow label='回访提醒' value={formatDay(v.followUpOn)} /> : null}
        {v.cancelReason ? <DetailRow label='取消原因' value={v.cancelReason} /> : null}
        {v.notes ? <DetailRow label='备注' value={v.notes} /> : null}
      </View>
      {v.photos.length ? (
        <View className='form photos'>
          {v.photos.map((p) => (
            <Image key={p.fileId} className='photos__item' src={p.url} mode='aspectFill' onClick={() => void Taro.previewImage({ urls: v.photos.map((x) => x.url), current: p.url })} />
          ))}
        </View>
      ) : null}
      <Text className='section-title'>修改记录</Text>
      <View className='form'>
        {v.history.length === 0 ? <Text className='muted'>暂无修改记录</Text> : v.history.map((h, i) => (
          <View key={i} className='field'>
            <Text className='field__label'>{`${formatDateTime(h.at)} ${h.actorName} ${h.what}`}</Text>
            {h.note ? <Text className='field__hint'>{`原因：${h.note}`}</Text> : null}
            {h.changes.map((c) => <Text key={c} className='field__hint'>{c}</Text>)}
          </View>
        ))}
      </View>
      <View className='actions'>
        {v.state === 'planned' ? <AppButton block onClick={() => go('complete')}>登记完成</AppButton> : null}
        {v.state !== 'cancelled' ? <AppButton block variant='secondary' onClick={() => go('correct')}>更正</AppButton> : null}
        {v.state === 'planned' ? <AppButton block variant='secondary' onClick={() => void cancel()}>取消这次慰问</AppButton> : null}
        <AppButton block variant='secondary' onClick={() => void Taro.navigateTo({ url: `/packages/welfare/pages/list/index?${person}` })}>{`${v.recipientName}的全部慰问`}</AppButton>
      </View>
    </PageShell>
  )
}

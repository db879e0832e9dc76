import { useState } from 'react'
import Taro, { useRouter } from '@tarojs/taro'
import { View, Text, Input } from '@tarojs/components'
import type { RosterRow } from '../../../../../types/activity'
import { PageShell } from '@/components/page-shell/PageShell'
import { ListBody } from '@/components/common/ListBody'
import { AppButton } from '@/components/AppButton'
import { activityApi } from '@/components/activity/api'
import { useRoster, type RosterFilter } from '@/hooks/useRoster'
import { usePageRefresh } from '@/hooks/usePageRefresh'
import { useRequestId } from '@/hooks/useRequestId'
import { messageOf } from '@/services/call'
import { RosterItem } from '../../components/RosterItem'
import { ProxySignup } from '../../components/ProxySignup'
import { openExport } from '../../components/open-export'
import '../../components/form.scss'

const FILTERS: Array<[string, RosterFilter]> = [['全部', undefined], ['已报名', 'confirmed'], ['待审核', 'pending'], ['候补', 'waitlisted'], ['已签到', 'checkedIn'], ['已取消', 'cancelled'], ['未通过', 'rejected']]
const fromParam = (value: string | undefined): RosterFilter => FILTERS.find(([, f]) => f === value)?.[1]

/**
 * 报名名单: counts, rows with answers and status, attendance, approve/reject, 代报名 and 按名单签到 for
 * members without a phone, Excel export, message everyone. Opened from the 工作台 with `filter`.
 */
export default function RosterPage() {
  const { params } = useRouter()
  const id = params.id ?? ''
  const [filter, setFilter] = useState<RosterFilter>(fromParam(params.filter))
  const roster = useRoster(id, filter)
  const [exported, setExported] = useState<{ url: string; rows: number } | null>(null)
  const [proxy, setProxy] = useState(false)
  const [text, setText] = useState('')
  // One message per form: a double tap or a retry after a network error sends it once.
  const [messageId, renewMessageId] = useRequestId()
  const [note, setNote] = useState('')
  usePageRefresh([roster.reload], roster.loadMore)
  const meta = roster.meta
  const c = meta?.counts

  const attempt = async (what: () => Promise<string>) => {
    setNote('')
    try {
      setNote(await what())
    } catch (err) {
      setNote(messageOf(err))
    }
  }
  const exportExcel = () => attempt(async () => {
    const r = await activityApi.exportRoster(id)
    setExported(r)
    await openExport(r.url).catch(() => undefined)
    return `已导出 ${r.rows} 条报名记录`
  })
  const send = () => attempt(async () => {
    const r = await activityApi.message(id, text, messageId)
    setText('')
    renewMessageId()
    if (r.again) return `这条通知刚才已发给 ${r.recipients} 位报名者，没有重复发送`
    return `已发送给 ${r.recipients} 位报名者（${r.delivered} 位已订阅提醒，会收到微信通知）`
  })
  const decide = (rowId: string, approve: boolean) => attempt(async () => {
    await activityApi.decide(rowId, approve, approve ? undefined : '名额或条件不符')
    await roster.reload()
    return approve ? '已通过' : '已设为不通过，名额已让给候补'
  })
  const checkIn = async (row: RosterRow) => {
    const ok = await Taro.showModal({ title: '按名单签到', content: `确认 ${row.name}（${row.department}）已到场，为 TA 签到？`, confirmText: '确认签到', cancelText: '再想想' })
    if (!ok.confirm) return
    await attempt(async () => {
      const r = await activityApi.checkinByRoster(row.id)
      await roster.reload()
      return `${r.name} 已签到`
    })
  }

  return (
    <PageShell>
      <View className='summary' data-testid='roster-counts'>
        <Text className='summary__line'>{meta?.title ?? ''}</Text>
        {c ? (
          <View className='counts'>
            <Text className='counts__item'><Text className='counts__num'>{c.confirmed}</Text>已报名</Text>
            <Text className='counts__item'><Text className='counts__num'>{c.pending}</Text>待审核</Text>
            <Text className='counts__item'><Text className='counts__num'>{c.waitlisted}</Text>候补</Text>
            <Text className='counts__item'><Text className='counts__num'>{c.checkedIn}</Text>已签到</Text>
            <Text className='counts__item'><Text className='counts__num'>{c.guests}</Text>家属</Text>
          </View>
        ) : null}
      </View>
      <View className='toolbar'>
        {FILTERS.map(([label, f]) => (
          <Text key={label} className={`toolbar__item${filter === f ? ' toolbar__item--on' : ''}`} data-filter={label} onClick={() => setFilter(f)}>{label}</Text>
        ))}
      </View>
      <View className='toolbar'>
        <Text className='toolbar__item' onClick={() => void exportExcel()} data-testid='export'>导出 Excel</Text>
        <Text className='toolbar__item' onClick={() => void Taro.navigateTo({ url: `/packages/activity/pages/checkin/index?id=${encodeURIComponent(id)}` })}>扫码签到</Text>
        {meta?.canSignUpOthers ? <Text className={`toolbar__item${proxy ? ' toolbar__item--on' : ''}`} data-testid='proxy-open' onClick={() => setProxy(!proxy)}>代会员报名</Text> : null}
      </View>
      {proxy && meta ? <ProxySignup activityId={id} fields={meta.fields} guests={meta.guests} onDone={(done) => { setNote(done); void roster.reload() }} /> : null}
      {exported ? <View className='summary'><Text className='link' data-testid='export-link' data-url={exported.url} onClick={() => void openExport(exported.url)}>{`打开报名名单（${exported.rows} 条）`}</Text></View> : null}
      {note ? <View className='summary' role='status'><Text>{note}</Text></View> : null}
      {meta?.canCheckIn ? <Text className='section-title'>没有手机的会员到场后，点名单里的“签到”即可</Text> : null}
      <View className='form'>
        <ListBody
          list={roster}
          loadingText='正在加载名单…'
          empty={{ title: '这里还没有人', hint: filter ? '换个筛选看看' : '有人报名后会显示在这里' }}
          renderItem={(row) => (
            <RosterItem key={row.id} row={row} fields={meta?.fields ?? []} onDecide={(approve) => void decide(row.id, approve)} onCheckIn={meta?.canCheckIn ? () => void checkIn(row) : undefined} />
          )}
        />
      </View>
      <View className='form'>
        <Text className='field__label'>给所有报名和候补的会员发通知</Text>
        <Input className='input' maxlength={20} placeholder='20 字以内，如 请带好运动鞋' value={text} onInput={(e) => setText(e.detail.value)} />
        <View className='actions'><AppButton block variant='secondary' onClick={() => void send()}>发送通知</AppButton></View>
      </View>
    </PageShell>
  )
}

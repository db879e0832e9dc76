import { useState } from 'react'
import Taro from '@tarojs/taro'
import { View, Text, Picker } from '@tarojs/components'
import { PRIVATE_REASONS, welfareReasons, type WelfareDisclosureOutput, type WelfareReason } from '../../../../../types/welfare'
import { formatFen } from '../../../../../types/money'
import { PageShell } from '@/components/page-shell/PageShell'
import { AppButton } from '@/components/AppButton'
import { welfareApi } from '@/components/welfare/api'
import { messageOf } from '@/services/call'
import { todayShanghai } from '@/utils/time'
import { Field } from '@/components/form/Field'
import { Choice } from '@/components/form/Choice'
import '../../components/form.scss'

const NAMEABLE = welfareReasons.filter((r) => !PRIVATE_REASONS.includes(r))
const SCOPES = ['内部公开', '对外公开'] as const
const PUBLICITY = ['不设公示期', '设公示期'] as const

/** The last whole month before today: a disclosure usually covers January to last month. */
function lastMonthEnd(today: string): string {
  const firstOfMonth = new Date(`${today.slice(0, 7)}-01T00:00:00Z`)
  return new Date(firstOfMonth.getTime() - 86_400_000).toISOString().slice(0, 10)
}
const plusDays = (day: string, n: number) => new Date(new Date(`${day}T00:00:00Z`).getTime() + n * 86_400_000).toISOString().slice(0, 10)

/** 经费公开 (chair): a date range of the ledger → a notice draft the chair reviews and publishes on 公开. */
export default function WelfareDisclosurePage() {
  const today = todayShanghai()
  const [to, setTo] = useState(lastMonthEnd(today))
  const [from, setFrom] = useState(`${lastMonthEnd(today).slice(0, 4)}-01-01`)
  const [publicity, setPublicity] = useState<(typeof PUBLICITY)[number]>('设公示期')
  const [publicFrom, setPublicFrom] = useState(today)
  const [publicTo, setPublicTo] = useState(plusDays(today, 6))
  const [named, setNamed] = useState<WelfareReason[]>([])
  const [scope, setScope] = useState<(typeof SCOPES)[number]>('内部公开')
  const [done, setDone] = useState<WelfareDisclosureOutput | null>(null)
  const [error, setError] = useState('')
  const [saving, setSaving] = useState(false)

  const draft = async () => {
    setSaving(true)
    setError('')
    try {
      setDone(await welfareApi.disclosure({
        from, to, namedReasons: named, visibility: scope === '对外公开' ? 'public' : 'internal',
        ...(publicity === '设公示期' ? { publicity: { startDate: publicFrom, endDate: publicTo } } : {}),
      }))
    } catch (err) {
      setError(messageOf(err))
    } finally {
      setSaving(false)
    }
  }

  if (done) {
    return (
      <PageShell>
        <View className='summary' data-testid='disclosure-done'>
          <Text className='summary__total'>草稿已生成</Text>
          <Text className='summary__line'>{done.title}</Text>
          <Text className='summary__line'>{`共 ${done.count} 人次，合计 ${formatFen(done.totalFen)} 元；${done.withheld} 人次按规定不公开姓名。`}</Text>
          <Text className='summary__line'>请打开草稿核对，确认无误后发布到公开栏。</Text>
        </View>
        <View className='actions'>
          <AppButton block onClick={() => void Taro.navigateTo({ url: `/packages/notice/pages/detail/index?id=${done.noticeId}` })}>打开草稿</AppButton>
        </View>
      </PageShell>
    )
  }
  return (
    <PageShell>
      <View className='form'>
        <Field label='时间段'>
          <View className='row'>
            <Picker mode='date' value={from} onChange={(e) => setFrom(String(e.detail.value))}><View className='input row'><Text>{from}</Text></View></Picker>
            <Text> 至 </Text>
            <Picker mode='date' value={to} onChange={(e) => setTo(String(e.detail.value))}><View className='input row'><Text>{to}</Text></View></Picker>
          </View>
        </Field>
        <Field label='公开范围'>
          <Choice name='scope' options={SCOPES} value={scope} onChange={setScope} />
        </Field>
        <Field label='公示期' hint='公示期内会员可以对公示内容提出异议；发布前还可以在草稿里修改。'>
          <Choice name='publicity' options={PUBLICITY} value={publicity} onChange={setPublicity} />
          {publicity === '设公示期' ? (
            <View className='row'>
              <Picker mode='date' value={publicFrom} onChange={(e) => setPublicFrom(String(e.detail.value))}><View className='input row'><Text>{publicFrom}</Text></View></Picker>
              <Text> 至 </Text>
              <Picker mode='date' value={publicTo} onChange={(e) => setPublicTo(String(e.detail.value))}><View className='input row'><Text>{publicTo}</Text></View></Picker>
            </View>
          ) : null}
        </Field>
        <Field label='公开姓名的事由（可不选）' hint='困难帮扶、生病住院的慰问对象一律不公开姓名，也不会出现在其他事由的名单里。'>
          <Choice name='named' options={NAMEABLE} value={named} onChange={(r) => setNamed(named.includes(r) ? named.filter((x) => x !== r) : [...named, r])} />
        </Field>
      </View>
      <View className='muted actions'><Text>草稿包括：按事由、按月份、按经费来源的人次和金额合计。备注和照片不会公开。</Text></View>
      {error ? <View className='field__error actions' role='alert'><Text>{error}</Text></View> : null}
      <View className='actions'>
        <AppButton block disabled={saving || undefined} onClick={() => void draft()}>{saving ? '正在生成…' : '生成公开草稿'}</AppButton>
      </View>
    </PageShell>
  )
}

import { useEffect, useState } from 'react'
import Taro from '@tarojs/taro'
import { View, Text, Textarea } from '@tarojs/components'
import { formatFen } from '../../../../../types/money'
import { PageShell } from '@/components/page-shell/PageShell'
import { LoadingState } from '@/components/states/LoadingState'
import { ErrorState } from '@/components/states/ErrorState'
import { AppButton } from '@/components/AppButton'
import { planApi } from '@/components/plan/api'
import { useAsync } from '@/hooks/useAsync'
import { useMe } from '@/hooks/useMe'
import { useRequestId } from '@/hooks/useRequestId'
import { todayShanghai } from '@/utils/time'
import { confirmStep, tell } from '@/services/confirm'
import { openFile } from '../../components/open-file'
import '../../components/plan.scss'

/** The year's figures (counted from the records), the 工作总结 draft the chair finishes, Word export and the 台帐 zip. */
export default function SummaryPage() {
  const [year, setYear] = useState(Number(todayShanghai().slice(0, 4)))
  const chair = useMe().data?.role === 'chair'
  const s = useAsync(`summary-${year}`, () => planApi.summary(year))
  const [text, setText] = useState<string[]>([])
  const [archive, setArchive] = useState<{ url: string; fileName: string; files: number } | null>(null)
  const [busy, setBusy] = useState(false)
  const [building, setBuilding] = useState('')
  const [requestId, renewRequest] = useRequestId()
  useEffect(() => { if (s.data) setText(s.data.text) }, [s.data])
  const f = s.data?.figures
  const exportWord = async () => {
    setBusy(true)
    try {
      const out = await planApi.exportSummary(year, text.filter((t) => t.trim()))
      await openFile(out.url, 'docx')
    } catch (err) { tell('没有导出', (err as Error).message) } finally { setBusy(false) }
  }
  const makeArchive = async () => {
    if (!(await confirmStep('生成台帐', `把 ${year} 年的计划、总结、会议记录、公开备案、意见、活动、慰问、测评和操作日志打包为一个压缩包。`, '生成'))) return
    setBusy(true)
    try {
      // A big year takes several calls: the same request id carries the one build forward.
      let out = await planApi.archive(year, requestId)
      while (out.state === 'building') {
        setBuilding(`正在生成台帐（${out.done}/${out.total}）…`)
        await new Promise((resolve) => setTimeout(resolve, 1500))
        out = await planApi.archive(year, requestId)
      }
      setArchive(out)
      renewRequest()
      if (process.env.TARO_ENV === 'weapp') void Taro.setClipboardData({ data: out.url })
    } catch (err) { tell('没有生成', (err as Error).message) } finally { setBusy(false); setBuilding('') }
  }
  return (
    <PageShell>
      <View className='plan-bar'>
        <Text className='plan-bar__step' onClick={() => setYear(year - 1)}>‹ {year - 1}</Text>
        <Text className='plan-bar__title'>{`${year}年工作总结`}</Text>
        <Text className='plan-bar__step' onClick={() => setYear(year + 1)}>{year + 1} ›</Text>
      </View>
      {s.loading ? <LoadingState text='正在统计全年记录…' /> : null}
      {s.error ? <ErrorState message={s.error.message} onRetry={s.reload} /> : null}
      {f ? (
        <View>
          <Text className='plan-figure'>{`活动 ${f.activities.held} 次，参加 ${f.activities.participants} 人次，签到率 ${f.activities.checkInRate}%`}</Text>
          <Text className='plan-figure'>{`校务公开 ${f.notices.published} 件（公示 ${f.notices.publicity} 件），异议 ${f.notices.objections} 条、已答复 ${f.notices.objectionsAnswered} 条`}</Text>
          <Text className='plan-figure'>{`意见 ${f.opinions.received} 条，已答复 ${f.opinions.answered} 条${f.opinions.medianDays === null ? '' : `，中位 ${f.opinions.medianDays} 天`}；测评与评选 ${f.polls.held} 次`}</Text>
          <Text className='plan-figure'>{`提案 ${f.proposals.submitted} 件，立案 ${f.proposals.cases} 件，已答复 ${f.proposals.answered} 件${f.proposals.satisfiedRate === null ? '' : `，满意率 ${f.proposals.satisfiedRate}%`}`}</Text>
          <Text className='plan-figure'>{`走访慰问 ${f.visits.count} 人次，${formatFen(f.visits.amountFen)} 元；新入会 ${f.members.joined} 人，退休 ${f.members.retired} 人`}</Text>
          <Text className='plan-figure'>{`计划事项 ${f.plan.planned} 项，已完成 ${f.plan.done} 项，取消 ${f.plan.cancelled} 项；会议 ${f.meetings.held} 次`}</Text>
          <Text className='plan-month'>总结初稿（可修改）</Text>
          <View className='form'>
            {text.map((t, n) => (
              <Textarea key={n} className='text-input text-area plan-text' value={t} maxlength={2000} autoHeight onInput={(e) => setText(text.map((x, i) => (i === n ? e.detail.value : x)))} />
            ))}
          </View>
          {chair ? (
            <View className='plan-actions'>
              <AppButton block disabled={busy} onClick={() => void exportWord()}>导出 Word</AppButton>
              <AppButton block variant='secondary' disabled={busy} onClick={() => void makeArchive()}>生成全年台帐</AppButton>
            </View>
          ) : <Text className='plan-row__meta'>导出和生成台帐由主席操作</Text>}
          {building ? <Text className='plan-figure' data-testid='archive-progress'>{building}</Text> : null}
          {archive ? (
            <View data-testid='archive'>
              <Text className='plan-figure'>{`${archive.fileName}：${archive.files} 个文件${process.env.TARO_ENV === 'weapp' ? '（下载链接已复制，可在电脑浏览器打开）' : ''}`}</Text>
              <Text className='plan-link' data-testid='archive-link'>{archive.url}</Text>
            </View>
          ) : null}
        </View>
      ) : null}
    </PageShell>
  )
}

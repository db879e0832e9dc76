import { useEffect, useState } from 'react'
import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { PageShell } from '@/components/page-shell/PageShell'
import { Guide, type GuidePoint } from '@/components/common/Guide'
import { AppButton } from '@/components/AppButton'
import { OpinionForm } from '@/components/opinion/OpinionForm'
import { ReceiptCard, type ReceiptSaved } from '@/components/opinion/ReceiptCard'
import { rememberReceipt } from '@/components/opinion/receipts'
import { confirmLeavingUnsaved, guardLeaving } from '@/components/opinion/leave-guard'
import type { OpinionSubmitInput, OpinionSubmitOutput } from '../../../../../types/opinion'
import { formatDay } from '@/utils/time'
import '@/components/opinion/opinion.scss'

// The promises of design.md (意见箱), told before anyone writes: what anonymity covers and what it cannot.
const points: GuidePoint[] = [
  { title: '默认匿名', text: '匿名意见里不保存你的微信身份、设备信息和具体时间（只记日期），图片会去掉拍摄时间和位置。工会主席、系统管理员、导出的表格，都查不到是谁写的。' },
  { title: '每日一批', text: '匿名意见在提交后的第二天和当天的其他匿名意见一起交给工会，谁也看不出是哪个时刻写的。' },
  { title: '匿名做不到的', text: '微信平台本身知道是谁在调用小程序；意见里如果写了能认出你的细节，别人也可能猜到是你。' },
  { title: '条条有答复', text: '工会一般在收到后 7 天内答复；不予受理也会写明理由。' },
]

type Done = { answer: OpinionSubmitOutput; input: OpinionSubmitInput }

/** After an anonymous submission: the code, how to keep it, and a way back that asks if it was not kept. */
function AnonymousDone({ done }: { done: Done }) {
  const [saved, setSaved] = useState<ReceiptSaved>({ remembered: false, copied: false })
  const unsaved = !saved.remembered && !saved.copied
  useEffect(() => {
    guardLeaving(unsaved)
    return () => guardLeaving(false)
  }, [unsaved])
  const back = async () => {
    if (unsaved) {
      if ((await confirmLeavingUnsaved()) === 'stay') return
      rememberReceipt({ code: done.answer.code!, category: done.input.category, submittedOn: done.answer.submittedOn })
      guardLeaving(false)
    }
    void Taro.navigateBack()
  }
  return (
    <PageShell>
      <ReceiptCard code={done.answer.code!} category={done.input.category} submittedOn={done.answer.submittedOn} onChange={setSaved} />
      <View className='op-actions'>
        {done.answer.held ? <Text className='op-form__hint'>这条意见需要工会主席先审核内容，审核后进入正常处理。</Text> : null}
        <Text className='op-form__hint'>{`工会明天和当天的其他匿名意见一起收到它（每日一批），收到后 ${done.answer.dueDays} 天内答复。`}</Text>
        <AppButton block variant='secondary' onClick={() => void back()}>返回意见箱</AppButton>
      </View>
    </PageShell>
  )
}

function NamedDone({ done }: { done: Done }) {
  return (
    <PageShell>
      <View className='receipt'>
        <Text className='receipt__title'>署名意见已提交</Text>
        <Text className='receipt__hint'>可以在“我的意见”里查看进度和答复。</Text>
      </View>
      <View className='op-actions'>
        {done.answer.held ? <Text className='op-form__hint'>这条意见需要工会主席先审核内容，审核后进入正常处理。</Text> : null}
        {done.answer.dueOn ? <Text className='op-form__hint'>{`工会应在 ${formatDay(done.answer.dueOn)} 前答复。`}</Text> : null}
        <AppButton block variant='secondary' onClick={() => void Taro.navigateBack()}>返回意见箱</AppButton>
      </View>
    </PageShell>
  )
}

/** 提意见: the form, then (anonymous) the receipt code shown once, or (named) a pointer to 我的意见. */
export default function OpinionSubmitPage() {
  const [done, setDone] = useState<Done | null>(null)
  if (done) return done.answer.code ? <AnonymousDone done={done} /> : <NamedDone done={done} />
  return (
    <PageShell>
      <OpinionForm onDone={(answer, input) => setDone({ answer, input })} />
      <Guide title='关于匿名' points={points} />
    </PageShell>
  )
}

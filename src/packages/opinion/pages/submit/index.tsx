import { useState } from 'react'
import Taro from '@tarojs/taro'
import { View, Text } from '@tarojs/components'
import { PageShell } from '@/components/page-shell/PageShell'
import { Guide, type GuidePoint } from '@/components/common/Guide'
import { AppButton } from '@/components/AppButton'
import { OpinionForm } from '@/components/opinion/OpinionForm'
import { ReceiptCard } from '@/components/opinion/ReceiptCard'
import type { OpinionSubmitInput, OpinionSubmitOutput } from '../../../../../types/opinion'
import { formatDay } from '@/utils/time'
import '@/components/opinion/opinion.scss'

// The promises of design.md (意见箱), told before anyone writes: what anonymity covers and what it cannot.
const points: GuidePoint[] = [
  { title: '默认匿名', text: '匿名意见里不保存你的微信身份、设备信息和具体时间（只记日期），图片会去掉拍摄时间和位置。工会主席、系统管理员、导出的表格，都查不到是谁写的。' },
  { title: '匿名做不到的', text: '微信平台本身知道是谁在调用小程序；意见里如果写了能认出你的细节，别人也可能猜到是你。' },
  { title: '条条有答复', text: '工会一般在 7 天内答复；不予受理也会写明理由。' },
]

/** 提意见: the form, then (anonymous) the receipt code shown once, or (named) a pointer to 我的意见. */
export default function OpinionSubmitPage() {
  const [done, setDone] = useState<{ answer: OpinionSubmitOutput; input: OpinionSubmitInput } | null>(null)
  if (done) {
    const { answer, input } = done
    return (
      <PageShell>
        {answer.code ? <ReceiptCard code={answer.code} category={input.category} submittedOn={answer.submittedOn} /> : (
          <View className='receipt'>
            <Text className='receipt__title'>署名意见已提交</Text>
            <Text className='receipt__hint'>可以在“我的意见”里查看进度和答复。</Text>
          </View>
        )}
        <View className='op-actions'>
          {answer.held ? <Text className='op-form__hint'>这条意见需要工会主席先审核内容，审核后进入正常处理。</Text> : null}
          <Text className='op-form__hint'>{`工会应在 ${formatDay(answer.dueOn)} 前答复。`}</Text>
          <AppButton block variant='secondary' onClick={() => void Taro.navigateBack()}>返回意见箱</AppButton>
        </View>
      </PageShell>
    )
  }
  return (
    <PageShell>
      <OpinionForm onDone={(answer, input) => setDone({ answer, input })} />
      <Guide title='关于匿名' points={points} />
    </PageShell>
  )
}

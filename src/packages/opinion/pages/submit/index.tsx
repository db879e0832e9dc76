import { PageShell } from '@/components/page-shell/PageShell'
import { Guide, type GuidePoint } from '@/components/common/Guide'
import { opinionCategories } from '../../../../../types/opinion'

// The promises of design.md (意见箱), told before anyone writes: what anonymity covers and what it cannot.
const points: GuidePoint[] = [
  {
    title: '默认匿名',
    text: '匿名意见里不保存你的微信身份、设备信息和具体时间（只记日期）。工会主席、系统管理员、导出的表格，都查不到是谁写的。',
  },
  {
    title: '回执码',
    text: '提交匿名意见后会显示一个回执码，只显示这一次，请复制保存。凭回执码可以查看进度和答复、补充说明、评价答复。',
  },
  {
    title: '匿名做不到的',
    text: '微信平台本身知道是谁在使用小程序。意见里如果写了能认出你的细节，别人也可能猜到是你。',
  },
  {
    title: '署名提意见',
    text: '署名的意见会出现在“我的意见”里，有答复时可以提醒你。',
  },
  {
    title: '条条有答复',
    text: `工会一般在 7 天内答复；不予受理也会写明理由。可以提的类别：${opinionCategories.join('、')}。`,
  },
]

/** 提意见: what the opinion box promises; the form itself is added by the submit feature. */
export default function OpinionSubmitPage() {
  return (
    <PageShell>
      <Guide title='提意见之前，请先了解' points={points} />
    </PageShell>
  )
}

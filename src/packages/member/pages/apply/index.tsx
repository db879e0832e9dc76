import { PageShell } from '@/components/page-shell/PageShell'
import { Guide, type GuidePoint } from '@/components/common/Guide'

// The joining routes of design.md ("Joining"), in the order that is quickest for the applicant.
const points: GuidePoint[] = [
  { title: '需要准备', text: '姓名、部门、工号，以及你是在职还是离退休。' },
  { title: '从工会微信群打开', text: '从本校教职工群里打开小程序，通常能自动确认你的身份，填好资料即可加入。' },
  { title: '工会发的邀请码', text: '如果工会给了你邀请码，填写后直接加入。邀请码有有效期和次数限制。' },
  { title: '与工会名册一致', text: '姓名和工号与工会名册一致的，提交后自动通过。' },
  { title: '其他情况', text: '由工会委员审核，一般几天内完成，通过后会通知你。着急可以直接联系工会。' },
]

/** 申请加入: how joining works; the application form plugs in here. */
export default function MemberApplyPage() {
  return (
    <PageShell>
      <Guide title='加入教工之家' points={points} />
    </PageShell>
  )
}

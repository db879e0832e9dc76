import Taro from '@tarojs/taro'
import { TEMPLATES } from '../../../types/templates'

/**
 * Asks the applicant, on the 提交申请 tap (WeChat only allows it on a tap), for the one-time
 * message that tells them the committee's decision. Refusing changes nothing; the local (h5) build
 * has no such dialog. Call it before any await in the tap handler.
 */
export function askForJoinResult(): void {
  const ask = (Taro as unknown as { requestSubscribeMessage?: (o: object) => Promise<unknown> }).requestSubscribeMessage
  if (process.env.TARO_ENV !== 'weapp' || typeof ask !== 'function') return
  void ask({ tmplIds: [TEMPLATES.memberReviewed] }).catch(() => undefined)
}

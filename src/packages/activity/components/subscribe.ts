import Taro from '@tarojs/taro'
import { TEMPLATES } from '../../../../types/templates'

/**
 * Asks (on the tap, as WeChat requires) for the one-time messages a registration may bring:
 * 候补转正/审核结果, the day-before reminder, a cancellation. Refusing changes nothing; the local
 * (h5) build has no such dialog.
 */
export function askForActivityMessages(): void {
  const ask = (Taro as unknown as { requestSubscribeMessage?: (o: object) => Promise<unknown> }).requestSubscribeMessage
  if (process.env.TARO_ENV !== 'weapp' || typeof ask !== 'function') return
  void ask({ tmplIds: [TEMPLATES.activityResult, TEMPLATES.activityReminder, TEMPLATES.activityNotice] }).catch(() => undefined)
}

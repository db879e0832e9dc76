import Taro from '@tarojs/taro'
import { TEMPLATES } from '../../../types/templates'

/**
 * Asks (on the chair's tap, as WeChat requires) for the daily 提案超期提醒. Refusing changes
 * nothing; the local (h5) build has no such dialog.
 */
export function askForOverdueMessages(): void {
  const ask = (Taro as unknown as { requestSubscribeMessage?: (o: object) => Promise<unknown> }).requestSubscribeMessage
  if (process.env.TARO_ENV !== 'weapp' || typeof ask !== 'function') return
  void ask({ tmplIds: [TEMPLATES.congressOverdue] }).catch(() => undefined)
}

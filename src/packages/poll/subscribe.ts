import Taro from '@tarojs/taro'
import { TEMPLATES } from '../../../types/templates'

/**
 * Asks (on the voter's tap, as WeChat requires) for the two one-time messages of a poll: when a
 * poll I may vote in opens, and when one closes within a day while I have not voted. Refusing
 * changes nothing; the local (h5) build has no such dialog.
 */
export function askForPollMessages(): void {
  const ask = (Taro as unknown as { requestSubscribeMessage?: (o: object) => Promise<unknown> }).requestSubscribeMessage
  if (process.env.TARO_ENV !== 'weapp' || typeof ask !== 'function') return
  void ask({ tmplIds: [TEMPLATES.pollOpened, TEMPLATES.pollClosing] }).catch(() => undefined)
}

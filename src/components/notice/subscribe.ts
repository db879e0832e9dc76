import Taro from '@tarojs/taro'
import { TEMPLATES } from '../../../types/templates'

/**
 * Asks (on the member's tap, as WeChat requires) for the one-time message the chair's 提醒未读
 * sends: TEMPLATES.noticeUnread. True when the member accepted. The local (h5) build has no such
 * dialog and answers false.
 */
export async function askForNoticeReminders(): Promise<boolean> {
  const ask = (Taro as unknown as { requestSubscribeMessage?: (o: object) => Promise<Record<string, string>> }).requestSubscribeMessage
  if (process.env.TARO_ENV !== 'weapp' || typeof ask !== 'function') return false
  try {
    const res = await ask({ tmplIds: [TEMPLATES.noticeUnread] })
    return res?.[TEMPLATES.noticeUnread] === 'accept'
  } catch {
    return false
  }
}

import Taro from '@tarojs/taro'
import { TEMPLATES } from '../../../types/templates'

type Ask = (o: { tmplIds: string[] }) => Promise<Record<string, string>>

/** requestSubscribeMessage on a tap (WeChat requires one); the local (h5) build has no such dialog. */
async function ask(tmplIds: string[]): Promise<boolean> {
  const request = (Taro as unknown as { requestSubscribeMessage?: Ask }).requestSubscribeMessage
  if (process.env.TARO_ENV !== 'weapp' || typeof request !== 'function') return false
  try {
    const res = await request({ tmplIds })
    return tmplIds.some((id) => res[id] === 'accept')
  } catch {
    return false
  }
}

/**
 * Asks (on the chair's tap, as WeChat requires) for the daily 提案超期提醒. Refusing changes
 * nothing.
 */
export function askForOverdueMessages(): void {
  void ask([TEMPLATES.congressOverdue])
}

/** A 代表 asks (on the board's “提醒我” tap) for the collection window's opening and closing and for 附议 invitations. */
export function askForDelegateMessages(): Promise<boolean> {
  return ask([TEMPLATES.congressCollectOpen, TEMPLATES.congressCollectClosing, TEMPLATES.congressInvite])
}

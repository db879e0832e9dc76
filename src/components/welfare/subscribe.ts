import Taro from '@tarojs/taro'
import { TEMPLATES } from '../../../types/templates'

/**
 * Asks the committee member (on the tap that opens 慰问待办, as WeChat requires) for the next daily
 * 待办 message (welfareTodo, sent by welfare.remind). One-time subscriptions: each accepted ask allows
 * one message, so asking whenever 待办 is opened keeps the reminders coming. Refusing changes
 * nothing; the local (h5) build has no such dialog.
 */
export async function askForWelfareTodoReminder(): Promise<boolean> {
  const ask = (Taro as unknown as { requestSubscribeMessage?: (o: object) => Promise<Record<string, unknown>> }).requestSubscribeMessage
  if (process.env.TARO_ENV !== 'weapp' || typeof ask !== 'function') return false
  const answer = await ask({ tmplIds: [TEMPLATES.welfareTodo] }).catch(() => ({}) as Record<string, unknown>)
  return answer[TEMPLATES.welfareTodo] === 'accept'
}

import Taro from '@tarojs/taro'
import { TEMPLATES } from '../../../types/templates'

type Ask = (o: { tmplIds: string[] }) => Promise<Record<string, string>>

/** WeChat's one-time subscription dialog, or undefined where there is none (the local h5 build). */
function askFunction(): Ask | undefined {
  const ask = (Taro as unknown as { requestSubscribeMessage?: Ask }).requestSubscribeMessage
  return process.env.TARO_ENV === 'weapp' && typeof ask === 'function' ? ask : undefined
}

/**
 * A named submitter, on the submit tap: "tell me once when the union replies" (TEMPLATES.opinionReply).
 * True when accepted. The browser demo has no dialog and behaves as if the member accepted.
 */
export async function askForOpinionReply(): Promise<boolean> {
  const ask = askFunction()
  if (!ask) return process.env.TARO_ENV === 'h5'
  try {
    return (await ask({ tmplIds: [TEMPLATES.opinionReply] }))[TEMPLATES.opinionReply] === 'accept'
  } catch {
    return false
  }
}

/**
 * The chair, on the tap that opens 处理意见: one more 08:00 reminder of overdue opinions
 * (TEMPLATES.opinionOverdue, sent by opinion.remindOverdue). Refusing changes nothing.
 */
export function askForOverdueReminder(): void {
  const ask = askFunction()
  if (ask) void ask({ tmplIds: [TEMPLATES.opinionOverdue] }).catch(() => undefined)
}

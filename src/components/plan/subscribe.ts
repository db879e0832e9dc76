import Taro from '@tarojs/taro'
import { TEMPLATES } from '../../../types/templates'

/**
 * Asks the committee member (on the tap that opens 工作计划, as WeChat requires) for the next monthly
 * reminder of their plan items (planMonthly, sent by plan.remindOwners). One-time subscriptions:
 * asking whenever the plan is opened keeps them coming. The local (h5) build has no such dialog.
 */
export async function askForPlanReminder(): Promise<boolean> {
  const ask = (Taro as unknown as { requestSubscribeMessage?: (o: object) => Promise<Record<string, unknown>> }).requestSubscribeMessage
  if (process.env.TARO_ENV !== 'weapp' || typeof ask !== 'function') return false
  const answer = await ask({ tmplIds: [TEMPLATES.planMonthly] }).catch(() => ({}) as Record<string, unknown>)
  return answer[TEMPLATES.planMonthly] === 'accept'
}

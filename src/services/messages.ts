import type { ErrorCode } from '../../types/result'

/**
 * Every failure a person can meet, in words that say what to do next. Shown by
 * ErrorState and toasts; tests assert on these exact strings.
 */
export const transportMessages = {
  network: '网络不通，请检查网络后重试',
  timeout: '网络太慢，等了很久没有回应，请稍后重试',
  function: '服务暂时出了问题，请稍后重试；一直这样请联系工会',
  missingFunction: '这项服务还没有上线，请联系工会管理员',
  signin: '请先选择一个身份，再继续使用',
  schema: '收到的数据和当前版本对不上，请更新小程序（网页请刷新）后重试',
} as const

/** Used when a function's failure carries no message of its own. */
export const failureMessages: Record<ErrorCode, string> = {
  BAD_INPUT: '填写的内容有误，请检查后再提交',
  UNKNOWN_ACTION: '小程序版本太旧了，请删除后重新打开小程序',
  FORBIDDEN: '你没有权限查看或操作这里；如需开通，请联系工会主席',
  NOT_FOUND: '没有找到这条内容，它可能已被撤回',
  CONFLICT: '内容刚刚有了变化，请刷新后再试',
  RATE_LIMITED: '操作太频繁了，请过一会儿再试',
  MISCONFIGURED: '工会的设置还没有完成，请联系工会主席',
  INTERNAL: '服务暂时出了问题，请稍后重试；一直这样请联系工会',
}

/**
 * Subscription-message templates, by purpose. The app asks for them with
 * requestSubscribeMessage (one-time, on a tap) and the functions send with the same ids.
 * Deployment: replace each id with the one from 小程序后台 → 订阅消息 (the keyword names in each
 * function's send must match the chosen template). Locally any id is accepted and lands in the outbox.
 */
export const TEMPLATES = {
  /** a notice the member has not read yet (chair's 提醒未读) */
  noticeUnread: 'tpl_notice_unread',
  /** a named opinion got a reply */
  opinionReply: 'tpl_opinion_reply',
  /** daily: overdue opinions (to the chair) */
  opinionOverdue: 'tpl_opinion_overdue',
  /** promoted from the waitlist / registration approved or rejected */
  activityResult: 'tpl_activity_result',
  /** the day before an activity */
  activityReminder: 'tpl_activity_reminder',
  /** an activity was cancelled, or the organiser messaged registrants */
  activityNotice: 'tpl_activity_notice',
  /** 待办: birthdays, hospital follow-ups, unvisited plan entries (to committee) */
  welfareTodo: 'tpl_welfare_todo',
  /** a join application was approved or rejected */
  memberReviewed: 'tpl_member_reviewed',
  /** a poll the member may vote in has opened (to voters who have not voted) */
  pollOpened: 'tpl_poll_opened',
  /** a poll closes within a day, or the chair reminds (to voters who have not voted) */
  pollClosing: 'tpl_poll_closing',
  /** daily: 教代会 proposals overdue for 立案审查 or 答复 (to the chair) */
  congressOverdue: 'tpl_congress_overdue',
  /** the 提案 collection window of a session has opened (to its active 代表, once) */
  congressCollectOpen: 'tpl_congress_collect_open',
  /** the 提案 collection window closes within 3 days (to its active 代表, once) */
  congressCollectClosing: 'tpl_congress_collect_closing',
  /** a proposer invited the 代表 to second (附议) a proposal */
  congressInvite: 'tpl_congress_invite',
  /** monthly: the owner's plan items due this month or overdue (to committee owners) */
  planMonthly: 'tpl_plan_monthly',
} as const

export type TemplatePurpose = keyof typeof TEMPLATES

/**
 * What each template tells its receiver (as the chair reads it when a send failed) and who is asked
 * for it at which tap (the notifications test checks a request exists). One entry per template: a new
 * template is described here, nowhere else.
 */
export const TEMPLATE_ABOUT: Record<TemplatePurpose, { label: string; receiver: string }> = {
  noticeUnread: { label: '公开栏未读提醒', receiver: '会员：打开有未读公告的公开栏时' },
  opinionReply: { label: '意见答复通知', receiver: '署名提意见的会员：提交意见时' },
  opinionOverdue: { label: '意见超期提醒', receiver: '主席：打开意见处理（收件箱）时' },
  activityResult: { label: '活动报名结果', receiver: '报名的会员：报名时' },
  activityReminder: { label: '活动开始提醒', receiver: '报名的会员：报名时' },
  activityNotice: { label: '活动变更通知', receiver: '报名的会员：报名时' },
  welfareTodo: { label: '慰问待办提醒', receiver: '委员：打开慰问待办时' },
  memberReviewed: { label: '入会审核结果', receiver: '申请人：提交入会申请时' },
  pollOpened: { label: '投票开始通知', receiver: '选民：打开投票列表时' },
  pollClosing: { label: '投票即将截止提醒', receiver: '选民：打开投票列表时' },
  congressOverdue: { label: '提案超期提醒', receiver: '主席：打开提案工作台时' },
  congressCollectOpen: { label: '提案征集开始通知', receiver: '代表：在教代会提案页点“提醒我”时' },
  congressCollectClosing: { label: '提案征集即将截止提醒', receiver: '代表：在教代会提案页点“提醒我”时' },
  congressInvite: { label: '附议邀请通知', receiver: '代表：在教代会提案页点“提醒我”时' },
  planMonthly: { label: '每月工作计划提醒', receiver: '负责计划事项的委员：打开工作计划时' },
}

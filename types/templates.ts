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
} as const

export type TemplatePurpose = keyof typeof TEMPLATES

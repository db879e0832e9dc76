/**
 * The notice lines of the committee's 工作台 (gathered by member.desk): 未答复异议 (urgent once a
 * 公示期 has ended with objections still unanswered), 待发布草稿, and 附件损坏 (a stored file that no
 * longer matches its hash — always urgent). Each line is at most two count queries.
 */
import type { DeskItem } from '../../types/desk'
import { hasRole } from '../../types/role'
import type { Ctx } from '../_shared/context'
import { COLLECTIONS } from '../_shared/documents'
import { total } from '../_shared/query'
import { NOTICE_FILE_ALERTS } from './documents'

export async function deskItems(ctx: Ctx): Promise<DeskItem[]> {
  if (!hasRole(ctx.role, 'committee')) return []
  const _ = ctx.db.command
  const objections = ctx.db.collection(COLLECTIONS.noticeObjections)
  const isChair = hasRole(ctx.role, 'chair')
  const [unanswered, overdue, drafts, damaged] = await Promise.all([
    isChair ? total(objections.where({ answered: false })) : Promise.resolve(0),
    isChair ? total(objections.where({ answered: false, publicityEnd: _.lte(ctx.now) })) : Promise.resolve(0),
    total(ctx.db.collection(COLLECTIONS.notices).where({ state: 'draft' })),
    isChair ? total(ctx.db.collection(NOTICE_FILE_ALERTS).where({ resolved: false })) : Promise.resolve(0),
  ])
  return [
    // Only the chair answers objections and publishes; a committee member sees the drafts waiting.
    ...(isChair ? [{ key: 'notice.objections', title: '未答复异议', count: unanswered, url: '/packages/notice/pages/objections/index', urgent: overdue > 0 }] : []),
    { key: 'notice.drafts', title: '待发布草稿', count: drafts, url: '/packages/notice/pages/manage/index', urgent: false },
    ...(isChair && damaged > 0 ? [{ key: 'notice.damagedFiles', title: '附件损坏', count: damaged, url: '/packages/notice/pages/manage/index?state=published', urgent: true }] : []),
  ]
}

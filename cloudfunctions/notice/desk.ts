/**
 * The notice lines of the committee's 工作台 (member.desk reads every domain's part at once):
 * 未答复异议 (urgent once a 公示期 has ended with objections still unanswered), 待发布草稿, and 附件损坏
 * (a stored file that no longer matches its hash — always urgent).
 */
import type { DeskItem } from '../../types/desk'
import { hasRole } from '../../types/role'
import type { Ctx } from '../_shared/context'
import { COLLECTIONS } from '../_shared/documents'
import { deskLinesAlone, type DeskPart } from '../_shared/desk'
import { countIn, countRead } from '../_shared/query'
import { NOTICE_FILE_ALERTS } from './documents'

/** 未答复异议 and 附件损坏 (chair), 待发布草稿 (notice/desk.ts). */
export function deskPart(ctx: Ctx): DeskPart {
  const _ = ctx.db.command
  const isChair = hasRole(ctx.role, 'chair')
  return {
    first: {
      drafts: countRead(COLLECTIONS.notices, { state: 'draft' }),
      ...(isChair ? {
        unanswered: countRead(COLLECTIONS.noticeObjections, { answered: false }),
        overdue: countRead(COLLECTIONS.noticeObjections, { answered: false, publicityEnd: _.lte(ctx.now) }),
        damaged: countRead(NOTICE_FILE_ALERTS, { resolved: false }),
      } : {}),
    },
    answer: (r) => [
      ...(isChair ? [{ key: 'notice.objections', title: '未答复异议', count: countIn(r.unanswered), url: '/packages/notice/pages/objections/index', urgent: countIn(r.overdue) > 0 }] : []),
      { key: 'notice.drafts', title: '待发布草稿', count: countIn(r.drafts), url: '/packages/notice/pages/manage/index', urgent: false },
      ...(isChair && countIn(r.damaged) > 0 ? [{ key: 'notice.damagedFiles', title: '附件损坏', count: countIn(r.damaged), url: '/packages/notice/pages/manage/index?state=published', urgent: true }] : []),
    ],
  }
}

/** The lines on their own (the domain's tests; the desk reads every domain's part in the same requests). */
export async function deskItems(ctx: Ctx): Promise<DeskItem[]> {
  if (!hasRole(ctx.role, 'committee')) return []
  return deskLinesAlone(ctx, deskPart(ctx))
}

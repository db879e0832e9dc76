/**
 * Every domain's 工作台 lines, in the order the desk shows them. A domain joins the desk by
 * exporting `deskItems(ctx)` from cloudfunctions/<domain>/desk.ts and adding one line here.
 */
import type { DeskItem } from '../../types/desk'
import type { Ctx } from '../_shared/context'
import { deskItems as memberDesk } from './desk'
import { deskItems as noticeDesk } from '../notice/desk'
import { deskItems as opinionDesk } from '../opinion/desk'
import { deskItems as activityDesk } from '../activity/desk'
import { deskItems as pollDesk } from '../poll/desk'
import { deskItems as welfareDesk } from '../welfare/desk'
import { deskItems as planDesk } from '../plan/desk'
import { deskItems as congressDesk } from '../congress/desk'

export type DeskSource = (ctx: Ctx) => Promise<DeskItem[]>

export const DESK_SOURCES: Array<[domain: string, source: DeskSource]> = [
  ['member', memberDesk],
  ['notice', noticeDesk],
  ['opinion', opinionDesk],
  ['activity', activityDesk],
  ['poll', pollDesk],
  ['welfare', welfareDesk],
  ['plan', planDesk],
  ['congress', congressDesk],
]

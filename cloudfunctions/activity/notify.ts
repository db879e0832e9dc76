/**
 * Subscription messages about activities. Recipients are looked up by member id in `members`
 * (the only place an openid lives); nothing here logs a recipient or a message.
 */
import { TEMPLATES } from '../../types/templates'
import type { Ctx } from '../_shared/context'
import { COLLECTIONS, MAX_QUERY, type ActivityDoc, type MemberDoc } from '../_shared/documents'
import { docs } from '../_shared/query'
import { formatShanghai } from '../_shared/time'

/** WeChat's limits: thing ≤ 20 characters, phrase ≤ 5. */
const thing = (text: string) => ({ value: [...text].length > 20 ? `${[...text].slice(0, 19).join('')}…` : text })
const phrase = (text: string) => ({ value: [...text].slice(0, 5).join('') })

export const detailPage = (activityId: string) => `packages/activity/pages/detail/index?id=${encodeURIComponent(activityId)}`

async function openids(ctx: Ctx, memberIds: string[]): Promise<string[]> {
  const _ = ctx.db.command
  const out: string[] = []
  const unique = [...new Set(memberIds)]
  for (let i = 0; i < unique.length; i += MAX_QUERY) {
    const found = await docs<Pick<MemberDoc, 'openid'>>(ctx.db.collection(COLLECTIONS.members).where({ _id: _.in(unique.slice(i, i + MAX_QUERY)) }).limit(MAX_QUERY).field({ openid: true }))
    for (const m of found) if (m.openid) out.push(m.openid)
  }
  return out
}

/** Sends one message per member, ten at a time; answers how many WeChat accepted. */
async function sendAll(ctx: Ctx, memberIds: string[], templateId: string, page: string, data: Record<string, { value: string }>): Promise<number> {
  const targets = await openids(ctx, memberIds)
  let delivered = 0
  for (let i = 0; i < targets.length; i += 10) {
    const sent = await Promise.all(targets.slice(i, i + 10).map((touser) => ctx.services.notify({ touser, templateId, page, data })))
    delivered += sent.filter(Boolean).length
  }
  return delivered
}

export type ResultKind = '候补转正' | '报名成功' | '审核通过' | '未通过'

/** Promoted from the waitlist, approved or rejected. */
export function notifyResult(ctx: Ctx, a: ActivityDoc, memberIds: string[], result: ResultKind, note: string): Promise<number> {
  if (!memberIds.length) return Promise.resolve(0)
  return sendAll(ctx, memberIds, TEMPLATES.activityResult, detailPage(a._id), {
    thing1: thing(a.title), phrase2: phrase(result), time3: { value: formatShanghai(a.startAt) }, thing4: thing(note),
  })
}

/** Cancelled, or the organiser's message to all registrants. */
export function notifyNotice(ctx: Ctx, a: ActivityDoc, memberIds: string[], text: string): Promise<number> {
  return sendAll(ctx, memberIds, TEMPLATES.activityNotice, detailPage(a._id), {
    thing1: thing(a.title), thing2: thing(text), time3: { value: formatShanghai(a.startAt) },
  })
}

/** The day before. */
export function notifyReminder(ctx: Ctx, a: ActivityDoc, memberIds: string[]): Promise<number> {
  return sendAll(ctx, memberIds, TEMPLATES.activityReminder, detailPage(a._id), {
    thing1: thing(a.title), time2: { value: formatShanghai(a.startAt) }, thing3: thing(a.place),
  })
}

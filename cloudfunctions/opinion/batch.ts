/**
 * The daily batch: anonymous items reach the union together, once a day, so the moment an item
 * appears — and everything computed from it — points at nobody.
 *
 * Until its batch an anonymous item has no visibleOn and no dueOn (`awaitingRelease`): no inbox,
 * count, statistic, desk line, overdue reminder or due date includes it. The batch (timer, 00:01
 * Shanghai) releases every item submitted before today, giving all of them the same release day
 * and a due date counted from it with the due days set at that moment — so changing the setting
 * between two submissions dates neither. It also files their photos (written now, so no file's
 * time is a submission's) and removes the held bytes.
 *
 * Resumable: each item is released by one conditional update on `awaitingRelease`; photos are
 * written under fixed names before it (a re-run overwrites), holds removed after it (a re-run, or
 * the sweep of holds older than a day, removes what a crash left).
 */
import * as z from 'zod/mini'
import { action } from '../_shared/dispatch'
import type { Ctx } from '../_shared/context'
import { COLLECTIONS, MAX_QUERY, type OpinionDoc } from '../_shared/documents'
import { AppError } from '../_shared/errors'
import { docs } from '../_shared/query'
import { addDays, shanghaiDate } from '../_shared/time'
import { OPINION_COLLECTIONS, type OpinionImageHoldDoc } from './documents'
import { readSettings } from './settings'
import { storeFinalImage } from './storage'

type Waiting = Pick<OpinionDoc, '_id'>

/** Files an item's held photos (in order) and returns their fileIDs. */
async function filePhotos(ctx: Ctx, opinionId: string): Promise<string[]> {
  const holds = await docs<OpinionImageHoldDoc>(ctx.db.collection(OPINION_COLLECTIONS.imageHolds).where({ opinionId }).limit(MAX_QUERY))
  holds.sort((a, b) => a.index - b.index)
  const ids: string[] = []
  for (const h of holds) ids.push(await storeFinalImage(ctx, h.name, { kind: h.kind, bytes: Buffer.from(h.data, 'base64') }))
  return ids
}

async function releaseOne(ctx: Ctx, o: Waiting, today: string, dueOn: string): Promise<boolean> {
  const images = await filePhotos(ctx, o._id)
  const _ = ctx.db.command
  const res = (await ctx.db.collection(COLLECTIONS.opinions).where({ _id: o._id, awaitingRelease: true })
    .update({ data: { visibleOn: today, dueOn, images, awaitingRelease: _.remove() } })) as { stats: { updated: number } }
  await ctx.db.collection(OPINION_COLLECTIONS.imageHolds).where({ opinionId: o._id }).remove()
  return res.stats.updated === 1
}

/** Holds at least a day old whose item is gone or released (left by a crash or an abandoned submission). */
async function sweepHolds(ctx: Ctx, today: string): Promise<void> {
  const _ = ctx.db.command
  const old = await docs<Pick<OpinionImageHoldDoc, '_id' | 'opinionId'>>(ctx.db.collection(OPINION_COLLECTIONS.imageHolds)
    .where({ day: _.lt(addDays(today, -1)) }).field({ opinionId: true }).limit(MAX_QUERY))
  const ids = [...new Set(old.map((h) => h.opinionId))]
  if (ids.length === 0) return
  const waiting = new Set((await docs<Waiting>(ctx.db.collection(COLLECTIONS.opinions)
    .where({ _id: _.in(ids), awaitingRelease: true }).field({ _id: true }).limit(MAX_QUERY))).map((o) => o._id))
  const gone = ids.filter((id) => !waiting.has(id))
  if (gone.length) await ctx.db.collection(OPINION_COLLECTIONS.imageHolds).where({ opinionId: _.in(gone) }).remove()
}

/** Releases every waiting item submitted before `before` (exclusive). */
export async function releaseWaiting(ctx: Ctx, before: string): Promise<{ released: number }> {
  const today = shanghaiDate(ctx.now)
  const { dueDays } = await readSettings(ctx)
  const dueOn = addDays(today, dueDays)
  const _ = ctx.db.command
  let released = 0
  for (;;) {
    const batch = await docs<Waiting>(ctx.db.collection(COLLECTIONS.opinions)
      .where({ awaitingRelease: true, submittedOn: _.lt(before) }).field({ _id: true }).limit(MAX_QUERY))
    let progress = 0
    for (const o of batch) if (await releaseOne(ctx, o, today, dueOn)) progress++
    released += progress
    if (batch.length < MAX_QUERY || progress === 0) break
  }
  await sweepHolds(ctx, today)
  return { released }
}

/** True when this function talks to a local cloud on this machine (never in a WeChat deployment). */
export function onLocalCloud(env: Record<string, string | undefined> = process.env): boolean {
  try {
    const host = new URL(JSON.parse(env.TCB_CONTEXT_CNFG ?? '').URL).hostname
    return host === '127.0.0.1' || host === 'localhost' || host === '[::1]'
  } catch {
    return false
  }
}

export const batchRoutes = {
  /** Daily, 00:01 Shanghai: yesterday's (and any older waiting) anonymous items reach the union. */
  releaseBatch: action({
    input: z.object({}),
    role: 'timer',
    async run(ctx): Promise<{ released: number }> {
      return releaseWaiting(ctx, shanghaiDate(ctx.now))
    },
  }),

  /**
   * The local demo's "release today's batch now" (dev panel): today's items too, so the whole
   * flow can be shown in one sitting. Not a timer in config.json, callable only as a timer (no
   * WeChat user), and refused unless the function runs on a local cloud — in a deployment today's
   * items always wait for tomorrow.
   */
  demoRelease: action({
    input: z.object({}),
    role: 'timer',
    async run(ctx): Promise<{ released: number }> {
      if (!onLocalCloud()) throw new AppError('FORBIDDEN', '此操作只在本地演示环境可用')
      return releaseWaiting(ctx, addDays(shanghaiDate(ctx.now), 1))
    },
  }),
}

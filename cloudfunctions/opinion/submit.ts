/**
 * opinion.submit — one item per form, whatever the network and the thumbs do, and anonymous
 * where asked. Exact under double taps, retries and parallel calls:
 *  1. The item's id and (anonymous) receipt code derive from (APP_SECRET, caller, requestId): a
 *     retry of the same form finds its item and gets the same answer, nothing counted again.
 *  2. Everything that can refuse runs before anything is written or counted: the input (dispatcher:
 *     schema, NUL, lone surrogates), the content check, every photo (checked by its bytes, stripped).
 *  3. One unit of the caller's daily quota is taken by one atomic conditional update (never a count
 *     then a write).
 *  4. The item is inserted under its derived id — the commit point. A duplicate key means a parallel
 *     tap of the same form got there first: its answer is ours. Any failure gives the unit back.
 *  5. The staged uploads are deleted.
 *
 * Why the derived id points at nobody: it is HMAC(APP_SECRET, openid, requestId). Without
 * APP_SECRET nothing about it can be tested. With APP_SECRET and every member's openid one would
 * still need the requestId: 128 random bits the app makes for the form (a CSPRNG where the platform
 * has one), sent once over WeChat's channel, never stored and never logged by us. So the id is as
 * unlinkable as a random one, and like it carries no time and no order. (The receipt code is
 * derived the same way, so it is exactly as secret as that requestId.)
 *
 * An anonymous item is stored without visibleOn/dueOn (`awaitingRelease`) and its photos wait in
 * the database: the daily batch (batch.ts) gives it to the union, dates it and files the photos.
 */
import * as z from 'zod/mini'
import { OPINION_DAILY_LIMIT, opinionSubmitInput, type OpinionHold, type OpinionSubmitOutput } from '../../types/opinion'
import { action } from '../_shared/dispatch'
import { requireMember, type Ctx } from '../_shared/context'
import { COLLECTIONS, type OpinionDoc } from '../_shared/documents'
import { isDuplicateKey } from '../_shared/create-once'
import { AppError } from '../_shared/errors'
import { docs } from '../_shared/query'
import { addDays, shanghaiDate } from '../_shared/time'
import { contentVerdict } from './content-check'
import { giveBack, incrementUnder, personalCounterId } from './counters'
import { OPINION_COLLECTIONS, type OpinionImageHoldDoc } from './documents'
import { sealReceipt, submissionReceiptCode } from './receipt'
import { keyedHash, submissionId } from './secret'
import { readSettings } from './settings'
import { StagedImageGone, deleteStaged, readStagedImages, storeFinalImage, type CleanImage } from './storage'

type Input = z.output<typeof opinionSubmitInput>

/** The answer for a stored item (first call and every retry alike). */
async function answerFor(ctx: Ctx, o: OpinionDoc, requestId: string): Promise<OpinionSubmitOutput> {
  const { dueDays } = await readSettings(ctx)
  return {
    ...(o.anonymous ? { code: submissionReceiptCode(ctx, requestId) } : { id: o._id }),
    submittedOn: o.submittedOn,
    ...(o.dueOn ? { dueOn: o.dueOn } : {}),
    dueDays,
    held: Boolean(o.held),
  }
}

/** The item this form already created, answered again; null when there is none yet. */
async function answerIfDone(ctx: Ctx, id: string, requestId: string): Promise<OpinionSubmitOutput | null> {
  const found = (await docs<OpinionDoc>(ctx.db.collection(COLLECTIONS.opinions).where({ _id: id }).limit(1)))[0]
  return found ? answerFor(ctx, found, requestId) : null
}

/** A photo's final name: fixed per item and place, so a retried write overwrites instead of adding. */
const imageName = (ctx: Ctx, id: string, index: number) => keyedHash(ctx, 'opinion-image', id, String(index)).slice(0, 32)

/** Anonymous: photos wait in the database for the batch. Named: filed at once. Returns the item's `images`. */
async function placeImages(ctx: Ctx, id: string, anonymous: boolean, images: CleanImage[], today: string): Promise<string[]> {
  if (!anonymous) return Promise.all(images.map((img, i) => storeFinalImage(ctx, imageName(ctx, id, i), img)))
  const holds = ctx.db.collection(OPINION_COLLECTIONS.imageHolds)
  for (const [i, img] of images.entries()) {
    const hold: Omit<OpinionImageHoldDoc, '_id'> = { opinionId: id, index: i, name: imageName(ctx, id, i), kind: img.kind, data: img.bytes.toString('base64'), day: today }
    await holds.doc(`${id}_${i}`).set({ data: hold })
  }
  return []
}

async function buildItem(ctx: Ctx, id: string, input: Input, held: OpinionHold | undefined, images: string[], today: string): Promise<OpinionDoc> {
  const base = {
    _id: id, category: input.category, text: input.text, images, anonymous: input.anonymous,
    submittedOn: today, submittedMonth: today.slice(0, 7), state: 'pending' as const,
    ...(held ? { held } : {}), replies: [], followUps: [],
  }
  if (input.anonymous) return { ...base, awaitingRelease: true, receipt: sealReceipt(ctx, submissionReceiptCode(ctx, input.requestId)) }
  const { dueDays } = await readSettings(ctx)
  return { ...base, visibleOn: today, dueOn: addDays(today, dueDays), memberId: requireMember(ctx)._id, notifyReply: input.notifyReply }
}

export const submit = action({
  input: opinionSubmitInput,
  role: 'member',
  labels: { requestId: '请求编号', anonymous: '提交方式', notifyReply: '答复通知', images: '图片' },
  async run(ctx, input): Promise<OpinionSubmitOutput> {
    const today = shanghaiDate(ctx.now)
    const id = submissionId(ctx, input.requestId)
    const again = await answerIfDone(ctx, id, input.requestId)
    if (again) {
      await deleteStaged(input.images)
      return again
    }

    let held: OpinionHold | undefined
    let images: CleanImage[]
    try {
      held = await contentVerdict(ctx, input.text)
      images = await readStagedImages(ctx, input.images)
    } catch (err) {
      // Refused for what the form holds (its text, a photo's bytes or size): a parallel tap of the
      // same form was refused too, so nothing can have been stored since the read above.
      if (err instanceof AppError && !(err instanceof StagedImageGone)) throw err
      // A photo gone, or a service failing: a parallel tap of this form may have finished meanwhile
      // (and removed the uploads) — a lost race, so look again.
      const done = await answerIfDone(ctx, id, input.requestId)
      if (done) return done
      throw err
    }

    const quota = personalCounterId(ctx, 'submit', today)
    if (!(await incrementUnder(ctx, quota, today, OPINION_DAILY_LIMIT))) {
      const done = await answerIfDone(ctx, id, input.requestId)
      if (done) return done
      throw new AppError('RATE_LIMITED', `每人每天最多提交 ${OPINION_DAILY_LIMIT} 条意见，请明天再来。`)
    }
    let doc: OpinionDoc
    try {
      doc = await buildItem(ctx, id, input, held, await placeImages(ctx, id, input.anonymous, images, today), today)
      await ctx.db.collection(COLLECTIONS.opinions).add({ data: doc })
    } catch (err) {
      await giveBack(ctx, quota)
      const done = isDuplicateKey(err) ? await answerIfDone(ctx, id, input.requestId) : null
      if (done) return done
      throw err
    }
    await deleteStaged(input.images)
    return answerFor(ctx, doc, input.requestId)
  },
})

import { OPINION_DAILY_LIMIT, opinionSubmitInput, type OpinionSubmitOutput } from '../../types/opinion'
import { action } from '../_shared/dispatch'
import { requireMember } from '../_shared/context'
import { COLLECTIONS, type OpinionDoc } from '../_shared/documents'
import { AppError } from '../_shared/errors'
import { addDays, shanghaiDate } from '../_shared/time'
import { incrementUnder, personalCounterId } from './counters'
import { decodeImage, storeOpinionImages } from './images'
import { newReceiptCode, sealReceipt } from './receipt'
import { randomId } from './secret'
import { readSettings } from './settings'
import { contentVerdict } from './content-check'

/**
 * opinion.submit. For an anonymous item the stored document is built from the input and the
 * Shanghai date only: no openid, member id, name, time of day or device data, a random `_id`,
 * and a receipt code returned once and kept only as keyed hashes. It becomes visible to the
 * handlers the next day (daily batch), so the moment it appears points at nobody.
 */
export const submit = action({
  input: opinionSubmitInput,
  role: 'member',
  async run(ctx, input): Promise<OpinionSubmitOutput> {
    const me = requireMember(ctx)
    const today = shanghaiDate(ctx.now)
    // Everything that can refuse the input runs before anything is written.
    input.images.forEach((img, i) => decodeImage(img, i))
    const held = await contentVerdict(ctx, input.text)
    if (!(await incrementUnder(ctx, personalCounterId(ctx, 'submit', today), today, OPINION_DAILY_LIMIT))) {
      throw new AppError('RATE_LIMITED', `每人每天最多提交 ${OPINION_DAILY_LIMIT} 条意见，请明天再来。`)
    }
    const images = await storeOpinionImages(ctx, input.images)
    const { dueDays } = await readSettings(ctx)
    const code = input.anonymous ? newReceiptCode() : undefined
    const base = {
      _id: randomId(),
      category: input.category,
      text: input.text,
      images,
      anonymous: input.anonymous,
      submittedOn: today,
      submittedMonth: today.slice(0, 7),
      visibleOn: input.anonymous ? addDays(today, 1) : today,
      dueOn: addDays(today, dueDays),
      state: 'pending' as const,
      ...(held ? { held } : {}),
      replies: [],
      followUps: [],
    }
    const doc: OpinionDoc = code
      ? { ...base, receipt: sealReceipt(ctx, code) }
      : { ...base, memberId: me._id, notifyReply: input.notifyReply }
    await ctx.db.collection(COLLECTIONS.opinions).add({ data: doc })
    return { ...(code ? { code } : { id: doc._id }), submittedOn: doc.submittedOn, dueOn: doc.dueOn, held: Boolean(held) }
  },
})


import * as z from 'zod/mini'
import { opinionPublishInput, opinionSettings, type OpinionCase, type OpinionSettings } from '../../types/opinion'
import { action } from '../_shared/dispatch'
import { requireMember } from '../_shared/context'
import { recordAudit } from '../_shared/audit'
import { inTransaction } from '../_shared/transaction'
import { COLLECTIONS, type OpinionDoc, type OpinionQaDoc } from '../_shared/documents'
import { AppError } from '../_shared/errors'
import { docs, getDoc } from '../_shared/query'
import { shanghaiDate } from '../_shared/time'
import { randomId } from './secret'
import { readSettings, SETTINGS_ID } from './settings'
import { caseView, permissions } from './views'
import { ID_LABELS } from './handling'

export const publishingRoutes = {
  /**
   * Publishes an answered item as a public Q&A with text the chair edited (explicit action).
   * The Q&A names no one; the submitter sees "已公开为问答" on their item.
   */
  publishQa: action({
    input: opinionPublishInput,
    role: 'chair',
    labels: ID_LABELS,
    async run(ctx, input): Promise<OpinionCase> {
      const o = (await docs<OpinionDoc>(ctx.db.collection(COLLECTIONS.opinions).where({ _id: input.id }).limit(1)))[0]
      if (!o || !o.visibleOn || o.visibleOn > shanghaiDate(ctx.now)) throw new AppError('NOT_FOUND', '没有找到这条意见。')
      if (!permissions(ctx, o).publish) {
        throw new AppError('CONFLICT', o.qaId ? '这条意见已经公开过了。' : '答复之后才能公开为问答。')
      }
      const me = requireMember(ctx)
      const qa: OpinionQaDoc = {
        _id: randomId(), opinionId: o._id, category: o.category, question: input.question, answer: input.answer,
        state: 'published', publishedAt: ctx.now, publishedBy: me._id,
      }
      const today = shanghaiDate(ctx.now)
      // the item's link, the Q&A and the audit entry in one transaction: published once, and never unlogged
      await inTransaction(ctx.db, async (t) => {
        const now = await getDoc<OpinionDoc>(t, COLLECTIONS.opinions, o._id)
        if (!now || now.qaId) throw new AppError('CONFLICT', '这条意见已经公开过了。')
        await t.collection(COLLECTIONS.opinions).doc(o._id).update({ data: { qaId: qa._id, qaPublishedOn: today } })
        await t.collection(COLLECTIONS.opinionQa).add({ data: qa })
        await recordAudit(t, ctx, {
          action: 'opinion.publishQa', target: { kind: 'opinion_qa', id: qa._id, label: input.question.slice(0, 30) },
          after: { question: input.question, answer: input.answer },
        })
      })
      return caseView(ctx, { ...o, qaId: qa._id, qaPublishedOn: today })
    },
  }),

  getSettings: action({
    input: z.object({}),
    role: 'chair',
    async run(ctx): Promise<OpinionSettings> {
      return readSettings(ctx)
    },
  }),

  /**
   * Due days (default 7), counted from the day an item reaches the union: named items take the
   * setting at submission, anonymous ones at their daily batch. Items already dated keep theirs.
   * One field-level update (never a read-modify-write of the document), in one transaction with its audit entry.
   */
  setSettings: action({
    input: opinionSettings,
    role: 'chair',
    async run(ctx, input): Promise<OpinionSettings> {
      const before = await readSettings(ctx)
      await inTransaction(ctx.db, async (t) => {
        const had = await getDoc<{ dueDays?: number }>(t, COLLECTIONS.appMeta, SETTINGS_ID)
        if (had) await t.collection(COLLECTIONS.appMeta).doc(SETTINGS_ID).update({ data: { dueDays: input.dueDays } })
        else await t.collection(COLLECTIONS.appMeta).add({ data: { _id: SETTINGS_ID, dueDays: input.dueDays } })
        await recordAudit(t, ctx, {
          action: 'opinion.setSettings', target: { kind: 'settings', id: SETTINGS_ID, label: '意见箱设置' }, before, after: input,
        })
      })
      return input
    },
  }),
}

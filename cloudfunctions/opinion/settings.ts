import { OPINION_DEFAULT_DUE_DAYS, opinionSettings, type OpinionSettings } from '../../types/opinion'
import type { Ctx } from '../_shared/context'
import { COLLECTIONS } from '../_shared/documents'
import { docs } from '../_shared/query'

/** The chair's settings live in app_meta under this id. */
export const SETTINGS_ID = 'opinion_settings'

/**
 * The stored settings, or the defaults. A stored value out of range is an error, never a guessed date.
 * Read once per invocation (a submission needs them for its due date and again for its answer).
 */
export function readSettings(ctx: Ctx): Promise<OpinionSettings> {
  let read = settingsOf.get(ctx)
  if (!read) {
    read = readStored(ctx)
    settingsOf.set(ctx, read)
    read.catch(() => settingsOf.delete(ctx))
  }
  return read
}

const settingsOf = new WeakMap<Ctx, Promise<OpinionSettings>>()

async function readStored(ctx: Ctx): Promise<OpinionSettings> {
  const found = await docs<{ dueDays?: unknown }>(ctx.db.collection(COLLECTIONS.appMeta).where({ _id: SETTINGS_ID }).limit(1))
  if (found[0]?.dueDays === undefined) return { dueDays: OPINION_DEFAULT_DUE_DAYS }
  const parsed = opinionSettings.safeParse({ dueDays: found[0].dueDays })
  if (!parsed.success) throw new Error('stored opinion settings are out of range')
  return parsed.data
}

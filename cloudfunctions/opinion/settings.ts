import { OPINION_DEFAULT_DUE_DAYS, type OpinionSettings } from '../../types/opinion'
import type { Ctx } from '../_shared/context'
import { COLLECTIONS } from '../_shared/documents'
import { docs } from '../_shared/query'

/** The chair's settings live in app_meta under this id. */
export const SETTINGS_ID = 'opinion_settings'

export async function readSettings(ctx: Ctx): Promise<OpinionSettings> {
  const found = await docs<{ dueDays?: number }>(ctx.db.collection(COLLECTIONS.appMeta).where({ _id: SETTINGS_ID }).limit(1))
  return { dueDays: found[0]?.dueDays ?? OPINION_DEFAULT_DUE_DAYS }
}

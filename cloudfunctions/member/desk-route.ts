/** member.desk: the 工作台 of committee and chair — every domain's waiting work, counted, in one call. */
import * as z from 'zod/mini'
import type { DeskItem } from '../../types/desk'
import { action } from '../_shared/dispatch'
import { DESK_SOURCES } from './desk-sources'

export const deskRoutes = {
  desk: action({
    input: z.object({}),
    role: 'committee',
    async run(ctx): Promise<{ items: DeskItem[] }> {
      const lines = await Promise.all(DESK_SOURCES.map(async ([domain, source]) => {
        try {
          return await source(ctx)
        } catch (err) {
          // One domain's failure must not blank the whole desk: its lines are left out, and logged.
          console.error(`[desk] ${domain}: ${(err as Error)?.message ?? String(err)}`)
          return []
        }
      }))
      return { items: lines.flat() }
    },
  }),
}

/** member.desk: the 工作台 of committee and chair — every domain's waiting work, counted, in one call. */
import * as z from 'zod/mini'
import type { DeskItem } from '../../types/desk'
import { action } from '../_shared/dispatch'
import { readDesk } from './desk'

export const deskRoutes = {
  desk: action({
    input: z.object({}),
    role: 'committee',
    async run(ctx): Promise<{ items: DeskItem[] }> {
      return { items: (await readDesk(ctx, {})).items }
    },
  }),
}

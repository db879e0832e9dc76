/**
 * Title search from an index. Every notice keeps `searchTerms` (its title's 2-character windows,
 * _shared/search-terms.ts), refreshed on every draft save, publish and correction, with a multikey
 * index in collections.json. A query becomes its own windows; the database returns the notices
 * holding all of them (`searchTerms: _.all(terms)`), in board order, and the exact substring test
 * removes the rare candidate whose windows match in other places.
 *
 * One request: up to SEARCH_CAP candidates come back at once and are paged here, so the total is
 * exact. A query that matches more than that (a single common word) shows the newest SEARCH_CAP.
 */
import { queryTerms, matchesQuery } from '../_shared/search-terms'
import type { Ctx } from '../_shared/context'
import { COLLECTIONS } from '../_shared/documents'
import { AppError } from '../_shared/errors'
import { pageWindow } from '../_shared/query'
import { BOARD_ORDER, LIST_FIELDS, firstN, type ListedNotice } from './store'

export const SEARCH_CAP = 200

export async function searchPage(ctx: Ctx, where: Record<string, unknown>, keyword: string, page: number): Promise<{ total: number; items: ListedNotice[] }> {
  const terms = queryTerms(keyword)
  if (!terms) throw new AppError('BAD_INPUT', '搜索词请至少输入两个字')
  const _ = ctx.db.command
  const candidates = await firstN<ListedNotice>(ctx, COLLECTIONS.notices, { ...where, searchTerms: _.all(terms) }, BOARD_ORDER, SEARCH_CAP, LIST_FIELDS)
  const matched = candidates.filter((n) => matchesQuery([n.title], keyword))
  const { skip, limit } = pageWindow(page)
  return { total: matched.length, items: matched.slice(skip, skip + limit) }
}

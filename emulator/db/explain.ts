/**
 * Shows the PostgreSQL plan of a find, so tests and curious users can see that list queries are
 * answered from indexes. It runs the store's own code with a runner that EXPLAINs each SELECT
 * instead of executing it.
 */
import { plannerSettingsSql, type SqlEngine } from './engine'
import type { PlannedRunner } from './term-walk'
import type { CollectionStore, FindOptions } from './store'

/**
 * On a small table PostgreSQL rightly prefers a sequential scan, so the plan is taken with
 * sequential scans discouraged: it then shows whether an index CAN answer the query.
 */
export async function explainFind(engine: SqlEngine, store: CollectionStore, envName: string, collection: string, opts: FindOptions): Promise<{ sql: string[]; plan: string[] }> {
  const sql: string[] = []
  const plan: string[] = []
  await engine.transaction(async (q) => {
    await q.query('SET LOCAL enable_seqscan = off')
    const explain = async (text: string, params?: unknown[]) => {
      sql.push(text)
      const r = await q.query<{ 'QUERY PLAN': string }>(`EXPLAIN ${text}`, params)
      plan.push(...r.rows.map((row) => row['QUERY PLAN']))
      return { rows: [], affectedRows: 0 }
    }
    // A walk along a term index (term-walk.ts) is shown with the planner settings it runs with.
    const explaining: PlannedRunner = {
      query: explain,
      async planned(settings, fn) {
        await q.exec(plannerSettingsSql(settings).join('; '))
        return fn({ query: explain })
      },
    }
    await store.find(explaining, envName, collection, opts)
  })
  return { sql, plan }
}

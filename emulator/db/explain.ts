/**
 * Shows the PostgreSQL plan of a find, so tests and curious users can see that list queries are
 * answered from indexes. It runs the store's own code with a runner that EXPLAINs each SELECT
 * instead of executing it.
 */
import type { SqlEngine, SqlRunner } from './engine'
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
    const explaining: SqlRunner = {
      async query(text, params) {
        sql.push(text)
        const r = await q.query<{ 'QUERY PLAN': string }>(`EXPLAIN ${text}`, params)
        plan.push(...r.rows.map((row) => row['QUERY PLAN']))
        return { rows: [], affectedRows: 0 }
      },
    }
    await store.find(explaining, envName, collection, opts)
  })
  return { sql, plan }
}

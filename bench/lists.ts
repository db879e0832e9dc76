/**
 * npm run bench -- lists: the database requests each list page sends when it opens (the sum of its
 * calls, nested ones included), on a fresh local cloud with the demo data, opened by the persona who
 * uses it — beside the goal of 3 (#18) — and how long opening it takes (its calls one after another,
 * as the page sends them; the median of 5 openings on a warm instance). The pages and their calls are the round-trip test's
 * (test/functions/list-pages.ts); here nothing is asserted.
 */
import { seedDemoData } from '../emulator/seed'
import { persona, type PersonaKey } from '../emulator/seed/personas'
import { connectLocalSdk } from '../emulator/sdk-env'
import { listPages, PAGE_REQUEST_GOAL, preparePages } from '../test/functions/list-pages'
import { withCloud } from './cloud'
import type { Row } from './stats'

const ENV = 'bench-lists'

export async function bench(): Promise<Row[]> {
  return withCloud(async (cloud) => {
    const { db } = connectLocalSdk(cloud.adminUrl, ENV)
    await seedDemoData(db, { reset: true })
    const invoke = async (who: PersonaKey, name: string, data: Record<string, unknown>) => {
      const res = await fetch(`${cloud.url}/local/invoke`, {
        method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ env: ENV, name, data, openid: persona(who).openid }),
      })
      const body = (await res.json()) as { ok: boolean; result?: any; errMsg?: string; usage?: { dbRequests: number; nested?: { dbRequests: number } } }
      if (!body.ok || !body.result?.ok) throw new Error(`${name}.${String(data.action)}: ${JSON.stringify(body).slice(0, 300)}`)
      return { data: body.result.data, requests: (body.usage?.dbRequests ?? NaN) + (body.usage?.nested?.dbRequests ?? 0) }
    }
    const ids: Record<string, string> = {}
    await preparePages(async (who, name, data) => (await invoke(who, name, data)).data, ids)
    const month = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 7)
    const rows: Row[] = []
    for (const [page, who, calls] of listPages(ids, month)) {
      let total = 0
      for (const call of calls()) total += (await invoke(who, call.name, call.data)).requests
      const times: number[] = []
      for (let i = 0; i < 5; i++) {
        const t0 = performance.now()
        for (const call of calls()) await invoke(who, call.name, call.data)
        times.push(performance.now() - t0)
      }
      const median = times.sort((a, b) => a - b)[2]
      rows.push({ area: rows.length ? '' : '列表页打开：数据库请求（次）· 用时（中位数）', measure: page, value: `${total} · ${median.toFixed(0)} ms`, goal: `≤ ${PAGE_REQUEST_GOAL} 次` })
    }
    return rows
  })
}

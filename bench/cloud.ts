/**
 * Local cloud figures: SDK → endpoint latencies, the indexed list query at 1k and 100k documents,
 * and a burst of 1,000 concurrent conditional increments from parallel function invocations
 * (wall time, and the local cloud's peak memory from /proc VmHWM).
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { spawnLocalCloud } from '../emulator/spawn'
import { connectLocalSdk } from '../emulator/sdk-env'
import { cpuFloorRow, ms, percentile, processCpuMs, timeEach, type Row } from './stats'

const BURST_FUNCTION = 'conditional-increment'

const sdk = (adminUrl: string, env: string) => connectLocalSdk(adminUrl, env).db

async function fill(db: any, n: number): Promise<void> {
  const batch = 1000
  for (let i = 0; i < n; i += batch) {
    const docs = Array.from({ length: Math.min(batch, n - i) }, (_v, k) => ({
      status: ['open', 'closed', 'draft', 'archived'][(i + k) % 4],
      createdAt: new Date(Date.UTC(2026, 0, 1) + (i + k) * 60_000),
      score: i + k,
      note: `第 ${i + k} 条`,
    }))
    await db.collection('conformance_items').add({ data: docs })
  }
}

function peakRssMb(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8')
  return Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024
}

/** A fresh local cloud (PGlite in a temp folder, or LOCAL_CLOUD_DATABASE_URL) for one benchmark. */
export async function withCloud<T>(fn: (cloud: { url: string; adminUrl: string; pid: number }) => Promise<T>, nodeArgs?: string[]): Promise<T> {
  const dataRoot = fs.mkdtempSync(path.join(os.tmpdir(), 'jgzj-bench-'))
  const databaseUrl = process.env.LOCAL_CLOUD_DATABASE_URL
  if (databaseUrl) await dropBenchEnvironments(databaseUrl)
  const cloud = await spawnLocalCloud({ dataRoot, env: 'bench', databaseUrl, nodeArgs })
  cloud.child.stdout!.resume()
  try {
    return await fn({ url: cloud.url, adminUrl: cloud.adminUrl, pid: cloud.child.pid! })
  } finally {
    await cloud.stop()
    fs.rmSync(dataRoot, { recursive: true, force: true })
    if (databaseUrl) await dropBenchEnvironments(databaseUrl)
  }
}

/**
 * On a PostgreSQL server the benchmark's environments (all named bench…) outlive its local cloud; a
 * second run would then add its 1,000 members beside the first run's and stop on their unique openids.
 */
async function dropBenchEnvironments(databaseUrl: string): Promise<void> {
  const { Client } = require('pg') as typeof import('pg')
  const client = new Client({ connectionString: databaseUrl })
  await client.connect()
  try {
    const rows = await client.query<{ nspname: string }>(`SELECT nspname FROM pg_namespace WHERE nspname LIKE 'env\\_bench%'`)
    for (const { nspname } of rows.rows) await client.query(`DROP SCHEMA IF EXISTS "${nspname}" CASCADE`)
  } finally {
    await client.end()
  }
}

/** 1,000 invocations at once, each one conditional increment of the same document (capacity 100). */
export async function incrementBurst(cloud: { url: string; adminUrl: string; pid: number }): Promise<{ wallMs: number; cpuMs: number; ok: number; failed: number; final: number }> {
  const db = sdk(cloud.adminUrl, 'bench-burst')
  await db.collection('conformance_items').doc('cap').set({ data: { n: 0 } })
  const call = (i: number, capacity: number) => fetch(`${cloud.url}/local/invoke`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ env: 'bench-burst', name: BURST_FUNCTION, openid: `o_bench_${i}`, data: { collection: 'conformance_items', id: 'cap', field: 'n', capacity } }),
  }).then((r) => r.json())
  // Warm every instance first (capacity 0 changes nothing): cold starts are bench -- cold's figure.
  await Promise.all(Array.from({ length: 12 }, (_v, i) => call(i, 0)))
  const started = Date.now()
  const cpuBefore = processCpuMs(cloud.pid)
  const results = await Promise.all(Array.from({ length: 1000 }, (_v, i) => call(i, 100)))
  const wallMs = Date.now() - started
  const cpuMs = processCpuMs(cloud.pid) - cpuBefore
  const ok = results.filter((r: any) => r.ok && r.result?.updated === 1).length
  const failed = results.filter((r: any) => !r.ok).length
  const final = (await db.collection('conformance_items').doc('cap').get()).data.n
  return { wallMs, cpuMs, ok, failed, final }
}

export async function cloudBench(): Promise<Row[]> {
  const engine = process.env.LOCAL_CLOUD_DATABASE_URL ? 'PostgreSQL 服务器' : 'PGlite'
  const rows: Row[] = []
  await withCloud(async (cloud) => {
    // Latencies on a collection of 1,000.
    const db = sdk(cloud.adminUrl, 'bench-latency')
    const _ = db.command
    await fill(db, 1000)
    await db.collection('conformance_items').add({ data: { _id: 'hot', n: 0 } })
    await timeEach(50, () => db.collection('conformance_items').doc('hot').get())
    const docGet = await timeEach(500, () => db.collection('conformance_items').doc('hot').get())
    const list = await timeEach(300, () => db.collection('conformance_items').where({ status: 'open' }).orderBy('createdAt', 'desc').limit(20).get())
    const cond = await timeEach(300, () => db.collection('conformance_items').where({ _id: 'hot', n: _.lt(1_000_000) }).update({ data: { n: _.inc(1) } }))
    rows.push({ area: `本地云（${engine}）`, measure: 'doc().get() p50 / p95', value: `${ms(percentile(docGet, 50))} / ${ms(percentile(docGet, 95))}`, goal: 'p50 ≤ 10 ms' })
    rows.push({ area: '', measure: 'where + orderBy + limit 20（索引）p50 / p95', value: `${ms(percentile(list, 50))} / ${ms(percentile(list, 95))}` })
    rows.push({ area: '', measure: '条件更新 where(_id, n<cap).update(inc) p50 / p95', value: `${ms(percentile(cond, 50))} / ${ms(percentile(cond, 95))}` })

    // The same indexed list query at 100k documents.
    const big = sdk(cloud.adminUrl, 'bench-100k')
    await fill(big, 100_000)
    await timeEach(20, () => big.collection('conformance_items').where({ status: 'open' }).orderBy('createdAt', 'desc').limit(20).get())
    const at100k = await timeEach(300, () => big.collection('conformance_items').where({ status: 'open' }).orderBy('createdAt', 'desc').limit(20).get())
    const p1k = percentile(list, 50)
    const p100k = percentile(at100k, 50)
    rows.push({ area: '', measure: '同一列表查询 p50：1,000 条 → 100,000 条', value: `${ms(p1k)} → ${ms(p100k)}（${(p100k / p1k).toFixed(2)} 倍）`, goal: '≤ 1.5 倍' })
  })

  // A fresh cloud, so its peak memory is the burst's own.
  await withCloud(async (cloud) => {
    const burst = await incrementBurst(cloud)
    rows.push({ area: '', measure: '1,000 个并发调用做条件自增（容量 100）墙钟时间', value: `${(burst.wallMs / 1000).toFixed(2)} s（成功 ${burst.ok}，出错 ${burst.failed}，最终 n = ${burst.final}）`, goal: '≤ 2 s，恰好 100' })
    rows.push({ area: '', measure: '同一突发本地云进程用的 CPU 时间（各线程合计）', value: `${(burst.cpuMs / 1000).toFixed(2)} s` })
    rows.push(cpuFloorRow(burst.cpuMs, 2))
    rows.push({ area: '', measure: '本地云进程峰值内存（VmHWM，含并发突发）', value: `${peakRssMb(cloud.pid).toFixed(0)} MB`, goal: '≤ 600 MB' })
  })
  return rows
}

/**
 * 慰问记录 figures: a ledger of 10,000 visits over 5 years (members and non-members, every
 * reason and fund, amounts to the 分), then through the function runner: one year's totals and
 * charts (welfare.summary: three database $group passes + a count), the first page of the list,
 * a person's history, and the Excel export of one year (≈2,000 visits, built, uploaded, linked).
 * The totals are checked against an exact BigInt sum of what was inserted.
 */
import { connectLocalSdk } from '../emulator/sdk-env'
import { welfareFunds, welfareReasons } from '../types/welfare'
import { withCloud } from './cloud'
import { ms, percentile, timeEach, type Row } from './stats'

const ENV = 'bench-welfare'
const N = 10_000
const YEARS = [2022, 2023, 2024, 2025, 2026]

async function invoke(url: string, data: Record<string, unknown>): Promise<any> {
  const res = await fetch(`${url}/local/invoke`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ env: ENV, name: 'welfare', openid: 'o_bench_chair', data }),
  })
  const body = (await res.json()) as { ok: boolean; result?: any; errMsg?: string }
  if (!body.ok || !body.result?.ok) throw new Error(`welfare.${String(data.action)}: ${JSON.stringify(body).slice(0, 300)}`)
  return body.result.data
}

/** Inserts the ledger; returns the exact cash total (分) per year. */
async function fill(db: any): Promise<Map<number, bigint>> {
  const at = new Date()
  await db.collection('members').add({ data: [
    { _id: 'mem_chair', openid: 'o_bench_chair', name: '主席', department: '行政办公室', status: '在职', membership: 'approved', role: 'chair', createdAt: at, updatedAt: at },
    ...Array.from({ length: 200 }, (_v, i) => ({ _id: `mem_${i}`, openid: `o_bench_${i}`, name: `会员${i}`, department: ['语文组', '数学组', '后勤处'][i % 3], status: i % 4 ? '在职' : '离退休', membership: 'approved', role: 'member', createdAt: at, updatedAt: at })),
  ] })
  const totals = new Map<number, bigint>()
  const batch: any[] = []
  for (let i = 0; i < N; i++) {
    const year = YEARS[i % YEARS.length]
    const month = (Math.floor(i / YEARS.length) % 12) + 1
    const day = (i % 28) + 1
    const visitDate = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`
    const cashFen = [50000, 30000, 20001, 12345, 99][i % 5]
    const giftFen = i % 3 ? 15000 : 0
    totals.set(year, (totals.get(year) ?? 0n) + BigInt(cashFen))
    const member = i % 10 !== 0
    batch.push({
      recipient: member ? { kind: 'member', memberId: `mem_${i % 200}`, name: `会员${i % 200}`, department: '语文组' } : { kind: 'other', name: `家属${i % 50}` },
      reason: welfareReasons[i % welfareReasons.length], visitDate, month: visitDate.slice(0, 7), visitors: [{ memberId: 'mem_chair', name: '主席' }],
      cashFen, gifts: giftFen ? [{ name: '慰问品', valueFen: giftFen }] : [], giftFen, fund: welfareFunds[i % welfareFunds.length],
      notes: '压测记录', photos: [], state: 'done', revision: 1, createdBy: 'mem_chair', createdAt: at, updatedAt: at,
    })
    if (batch.length === 500) await db.collection('welfare_visits').add({ data: batch.splice(0) })
  }
  if (batch.length) await db.collection('welfare_visits').add({ data: batch.splice(0) })
  return totals
}

export async function bench(): Promise<Row[]> {
  const rows: Row[] = []
  await withCloud(async (cloud) => {
    const { db } = connectLocalSdk(cloud.adminUrl, ENV)
    const t0 = Date.now()
    const totals = await fill(db)
    rows.push({ area: '慰问记录', measure: `写入 ${N.toLocaleString()} 条慰问（5 年）`, value: `${((Date.now() - t0) / 1000).toFixed(1)} s` })

    await invoke(cloud.url, { action: 'summary', year: 2026 }) // warm instance
    let exact = true
    const summary = await timeEach(25, async (i) => {
      const year = YEARS[i % YEARS.length]
      const s = await invoke(cloud.url, { action: 'summary', year })
      if (BigInt(s.cashFen) !== totals.get(year) || s.byMonth.reduce((a: bigint, m: any) => a + BigInt(m.cashFen), 0n) !== totals.get(year)) exact = false
    })
    rows.push({ area: '', measure: '一年合计 + 按事由/月份/经费图表（welfare.summary）p50 / p95', value: `${ms(percentile(summary, 50))} / ${ms(percentile(summary, 95))}`, goal: '≤ 1 s' })
    rows.push({ area: '', measure: '合计与逐条精确求和（BigInt）一致', value: exact ? '是（5 年逐年核对）' : '否', goal: '是' })
    const filtered = await timeEach(15, (i) => invoke(cloud.url, { action: 'summary', year: YEARS[i % 5], reason: '节日慰问', fund: '工会经费' }))
    rows.push({ area: '', measure: '按事由 + 经费筛选后的合计 p50', value: ms(percentile(filtered, 50)) })
    const list = await timeEach(25, (i) => invoke(cloud.url, { action: 'list', year: YEARS[i % 5], page: 1 + (i % 3) }))
    rows.push({ area: '', measure: '台账列表一页 20 条 p50 / p95', value: `${ms(percentile(list, 50))} / ${ms(percentile(list, 95))}`, goal: '≤ 300 ms' })
    const person = await timeEach(15, (i) => invoke(cloud.url, { action: 'summary', year: 2026, memberId: `mem_${i}` }))
    rows.push({ area: '', measure: '个人慰问合计 p50', value: ms(percentile(person, 50)) })

    const e0 = Date.now()
    const out = await invoke(cloud.url, { action: 'export', year: 2026 })
    const wall = Date.now() - e0
    const size = (await (await fetch(encodeURI(out.url))).arrayBuffer()).byteLength
    rows.push({ area: '', measure: `导出一年 Excel（${out.rows.toLocaleString()} 条，含汇总表）`, value: `${(wall / 1000).toFixed(2)} s，${(size / 1024).toFixed(0)} KB`, goal: '≤ 20 s（函数超时）' })
  })
  return rows
}

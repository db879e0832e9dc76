/**
 * 投票与测评 figures through the function runner:
 *  - 1,000 voters casting a 20-subject 测评 ballot at once: wall time, throughput, p50/p95 of one
 *    cast as its caller waits for it, and whether one-ballot-each held (receipts = ballots = 1,000);
 *  - the close of that poll: sealing, reading and counting 1,000 ballots × 20 subjects, storing the
 *    result (poll.close as the chair waits for it), then the results read and the Word report.
 * Runs on PGlite, or on a PostgreSQL server when LOCAL_CLOUD_DATABASE_URL is set.
 */
import crypto from 'node:crypto'
import { connectLocalSdk } from '../emulator/sdk-env'
import { tally } from '../cloudfunctions/poll/tally'
import { withCloud } from './cloud'
import { ms, percentile, type Row } from './stats'

const N = 1000
const SUBJECTS = 20
const ENV = 'bench-poll'
const GRADES = ['excellent', 'competent', 'basic', 'incompetent', 'unknown']

async function invoke(url: string, openid: string, data: Record<string, unknown>): Promise<any> {
  const res = await fetch(`${url}/local/invoke`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ env: ENV, name: 'poll', openid, data }) })
  const body = (await res.json()) as { ok: boolean; result?: any; errMsg?: string }
  return body.result ?? { ok: false, message: body.errMsg }
}

async function must(url: string, openid: string, data: Record<string, unknown>): Promise<any> {
  const r = await invoke(url, openid, data)
  if (!r.ok) throw new Error(`poll.${String(data.action)}: ${r.message}`)
  return r.data
}

async function setUp(db: any): Promise<void> {
  const at = new Date()
  const members = Array.from({ length: N }, (_v, i) => ({
    _id: crypto.randomBytes(16).toString('hex'), openid: `o_bench_${i}`, name: `会员${i}`, department: ['语文组', '数学组', '英语组'][i % 3], status: '在职',
    membership: 'approved', role: 'member', createdAt: at, updatedAt: at,
  }))
  members.push({ _id: 'mem_chair', openid: 'o_bench_chair', name: '主席', department: '行政办公室', status: '在职', membership: 'approved', role: 'chair', createdAt: at, updatedAt: at })
  for (let i = 0; i < members.length; i += 100) await db.collection('members').add({ data: members.slice(i, i + 100) })
}

export async function bench(): Promise<Row[]> {
  const engine = process.env.LOCAL_CLOUD_DATABASE_URL ? 'PostgreSQL 服务器' : 'PGlite'
  return withCloud(async (cloud) => {
    const { db } = connectLocalSdk(cloud.adminUrl, ENV)
    await setUp(db)
    const saved = await must(cloud.url, 'o_bench_chair', {
      action: 'save', requestId: crypto.randomBytes(8).toString('hex'), title: '压测：中层干部述职测评', kind: 'appraisal', closesAt: new Date(Date.now() + 86_400_000).toISOString(),
      items: Array.from({ length: SUBJECTS }, (_v, i) => ({ name: `测评对象${i + 1}`, note: '中层干部' })), electorate: { kind: 'all' }, criteria: false, comments: true,
    })
    const openStart = Date.now()
    const poll = await must(cloud.url, 'o_bench_chair', { action: 'open', id: saved.id, revision: saved.revision })
    const openMs = Date.now() - openStart
    // Warm every instance (cold starts are not what this measures).
    await Promise.all(Array.from({ length: 12 }, () => invoke(cloud.url, 'o_bench_chair', { action: 'detail', id: poll.id })))

    const ballot = (i: number) => ({ grades: poll.items.map((it: any, k: number) => ({ itemId: it.id, grade: GRADES[(i + k) % 5], ...(i % 10 === 0 ? { comment: '压测评语' } : {}) })) })
    const latencies: number[] = []
    const started = Date.now()
    const answers = await Promise.all(Array.from({ length: N }, async (_v, i) => {
      const t = process.hrtime.bigint()
      const r = await invoke(cloud.url, `o_bench_${i}`, { action: 'cast', id: poll.id, ballot: ballot(i) })
      latencies.push(Number(process.hrtime.bigint() - t) / 1e6)
      return r
    }))
    const wall = Date.now() - started
    const failed = answers.filter((a) => !a.ok).length

    const closeStart = Date.now()
    await must(cloud.url, 'o_bench_chair', { action: 'close', id: poll.id })
    const closeMs = Date.now() - closeStart
    const readStart = Date.now()
    const results = await must(cloud.url, 'o_bench_chair', { action: 'results', id: poll.id })
    const readMs = Date.now() - readStart
    const wordStart = Date.now()
    await must(cloud.url, 'o_bench_chair', { action: 'report', id: poll.id, format: 'docx' })
    const wordMs = Date.now() - wordStart
    const [receipts, cast] = await Promise.all([
      db.collection('poll_receipts').where({ pollId: poll.id }).count(), db.collection('poll_ballots').where({ pollId: poll.id, state: 'cast' }).count(),
    ])
    const held = receipts.total === N && cast.total === N && results.ballots === N
    // The count alone (tally.ts, in this process) on the same shape of ballots.
    const items = poll.items.map((it: any) => ({ id: it.id, name: it.name, note: it.note }))
    const choices = Array.from({ length: N }, (_v, i) => ({ grades: items.map((_it: any, k: number) => GRADES[(i + k) % 5] as any), comments: items.map(() => '') }))
    const tallyStart = process.hrtime.bigint()
    for (let r = 0; r < 10; r++) tally({ kind: 'appraisal', items, criteria: false, seats: 1, rule: { base: 'ballots', majority: 'half' }, quorum: 'half' }, N + 1, N, choices)
    const tallyMs = Number(process.hrtime.bigint() - tallyStart) / 1e6 / 10
    return [
      { area: `投票与测评（${engine}）`, measure: `开始投票：锁定 ${N + 1} 人名单，建 ${N + 1} 个空选票位`, value: `${(openMs / 1000).toFixed(1)} s`, goal: '≤ 60 s（函数超时）' },
      { area: '', measure: `${N} 人同时投 ${SUBJECTS} 项测评票：墙钟 / 吞吐`, value: `${(wall / 1000).toFixed(1)} s，${(N / (wall / 1000)).toFixed(1)} 票/秒（失败 ${failed}）`, goal: '全部应答' },
      { area: '', measure: '单次投票等待时间 p50 / p95', value: `${ms(percentile(latencies, 50))} / ${ms(percentile(latencies, 95))}` },
      { area: '', measure: '一人一票（回执 = 选票 = 1000）', value: held ? '成立' : `不成立（回执 ${receipts.total}，选票 ${cast.total}）`, goal: '成立' },
      { area: '', measure: `结束并计票：${N} 张 × ${SUBJECTS} 项（封存、读票、计数、存结果、评语）`, value: `${(closeMs / 1000).toFixed(2)} s`, goal: '≤ 60 s' },
      { area: '', measure: `其中计数本身（${N} 张 × ${SUBJECTS} 项，内存中）`, value: ms(tallyMs) },
      { area: '', measure: '读结果 / 生成 Word 统计表', value: `${ms(readMs)} / ${(wordMs / 1000).toFixed(2)} s` },
    ]
  })
}

/**
 * 活动报名 figures: 1,000 distinct members signing up at once for 100 places through the function
 * runner (wall time, and whether the invariant held: exactly 100 confirmed, 900 waitlisted with
 * tickets 1..900, counters equal to rows), then the roster export of those 1,000 registrations.
 * Runs on PGlite, or on a PostgreSQL server when LOCAL_CLOUD_DATABASE_URL is set.
 */
import { connectLocalSdk } from '../emulator/sdk-env'
import { withCloud } from './cloud'
import type { Row } from './stats'

const N = 1000
const CAPACITY = 100
const ENV = 'bench-activity'

async function invoke(url: string, openid: string, data: Record<string, unknown>): Promise<any> {
  const res = await fetch(`${url}/local/invoke`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ env: ENV, name: 'activity', openid, data }),
  })
  return res.json()
}

async function setUp(db: any, now: number): Promise<string> {
  const at = new Date(now)
  const members = Array.from({ length: N }, (_v, i) => ({
    _id: `mem_b${i}`, openid: `o_bench_${i}`, name: `会员${i}`, department: ['语文组', '数学组', '英语组'][i % 3], status: '在职', gender: i % 2 ? '女' : '男',
    membership: 'approved', role: 'member', createdAt: at, updatedAt: at,
  }))
  members.push({ _id: 'mem_org', openid: 'o_bench_org', name: '组织者', department: '行政办公室', status: '在职', gender: '男', membership: 'approved', role: 'committee', createdAt: at, updatedAt: at })
  for (let i = 0; i < members.length; i += 100) await db.collection('members').add({ data: members.slice(i, i + 100) })
  const h = 3600_000
  await db.collection('activities').add({ data: {
    _id: 'act_bench', title: '疗休养（压测）', category: '疗休养', description: '', place: '安吉', capacity: CAPACITY, waitlist: true,
    startAt: new Date(now + 48 * h), endAt: new Date(now + 50 * h), signupStartAt: new Date(now - h), signupEndAt: new Date(now + 24 * h),
    audience: { kind: 'all' }, fields: [{ key: 'room', label: '住宿', type: 'single', options: ['标准间', '单间'], required: true }],
    cancelPolicy: 'untilStart', needsApproval: false, state: 'published', seatsTaken: 0, confirmedCount: 0, pendingCount: 0, waitlistCount: 0, waitSeq: 0,
    createdBy: 'mem_org', createdAt: at, updatedAt: at, publishedAt: at,
  } })
  return 'act_bench'
}

async function invariant(db: any, activityId: string): Promise<string> {
  const rows: any[] = []
  for (let skip = 0; ; skip += 1000) {
    const page = (await db.collection('registrations').where({ activityId }).skip(skip).limit(1000).get()).data
    rows.push(...page)
    if (page.length < 1000) break
  }
  const a = (await db.collection('activities').doc(activityId).get()).data
  const confirmed = rows.filter((r) => r.state === 'confirmed').length
  const waiting = rows.filter((r) => r.state === 'waitlisted')
  const tickets = waiting.map((r) => r.waitSeq).sort((x: number, y: number) => x - y)
  const dense = tickets.every((t: number, i: number) => t === i + 1)
  const countersOk = a.confirmedCount === confirmed && a.seatsTaken === confirmed && a.waitlistCount === waiting.length
  const ok = confirmed === CAPACITY && waiting.length === N - CAPACITY && dense && countersOk && rows.length === N
  return `${ok ? '成立' : '不成立'}（确认 ${confirmed}，候补 ${waiting.length}，票号连续 ${dense ? '是' : '否'}，计数=行 ${countersOk ? '是' : '否'}）`
}

export async function bench(): Promise<Row[]> {
  const engine = process.env.LOCAL_CLOUD_DATABASE_URL ? 'PostgreSQL 服务器' : 'PGlite'
  return withCloud(async (cloud) => {
    const { db } = connectLocalSdk(cloud.adminUrl, ENV)
    const activityId = await setUp(db, Date.now())
    // Warm the function instances (cold starts are not what this measures).
    await Promise.all(Array.from({ length: 4 }, () => invoke(cloud.url, 'o_bench_org', { action: 'detail', id: activityId })))

    const started = Date.now()
    const answers = await Promise.all(Array.from({ length: N }, (_v, i) => invoke(cloud.url, `o_bench_${i}`, { action: 'register', activityId, answers: { room: i % 5 ? '标准间' : '单间' } })))
    const wall = Date.now() - started
    const failed = answers.filter((r) => !r.ok || !r.result?.ok).length

    const exportStart = Date.now()
    const exported = await invoke(cloud.url, 'o_bench_org', { action: 'exportRoster', id: activityId })
    const exportMs = Date.now() - exportStart

    return [
      { area: `活动报名（${engine}）`, measure: `${N} 名会员同时报名 ${CAPACITY} 个名额：墙钟时间`, value: `${(wall / 1000).toFixed(1)} s（失败 ${failed}）`, goal: '不超额、全部应答' },
      { area: '', measure: '不变量（恰好 100 确认、900 候补按票号、计数=行）', value: await invariant(db, activityId), goal: '成立' },
      { area: '', measure: `导出 ${N} 条报名的 Excel 名单`, value: exported.result?.ok ? `${(exportMs / 1000).toFixed(2)} s（${exported.result.data.rows} 行）` : `失败：${exported.result?.message ?? exported.errMsg}`, goal: '≤ 10 s' },
    ]
  })
}

/**
 * 活动报名 figures (printed beside their goals, never asserted):
 *  - database requests per action (sign-up confirmed / waitlisted / repeated, the 活动 tab, search,
 *    detail, 我的报名, cancel with promotion), as the local cloud counts them for each invocation
 *    through the function runner (the caller's member look-up, transaction start/commit included);
 *  - 1,000 distinct members signing up at once for 100 places through the runner (wall time, and
 *    the invariant: exactly 100 confirmed, 900 queued once each, counters = ledger, a row each);
 *  - the roster export of those 1,000 registrations.
 * Runs on PGlite, or on a PostgreSQL server when LOCAL_CLOUD_DATABASE_URL is set.
 */
import crypto from 'node:crypto'
import { connectLocalSdk } from '../emulator/sdk-env'
import { withCloud } from './cloud'
import { cpuFloorRow, processCpuMs, type Row } from './stats'

const N = 1000
const CAPACITY = 100
const ENV = 'bench-activity'
const HOUR = 3600_000
const hex = () => crypto.randomBytes(16).toString('hex')

interface Invoked {
  ok: boolean
  result?: any
  errMsg?: string
  usage?: { dbRequests: number }
}

/** One invocation through the runner; `connection: close` so a burst never reuses a socket the server is closing. */
async function invoke(url: string, env: string, openid: string, data: Record<string, unknown>): Promise<Invoked> {
  const res = await fetch(`${url}/local/invoke`, {
    method: 'POST', headers: { 'content-type': 'application/json', connection: 'close' }, body: JSON.stringify({ env, name: 'activity', openid, data }),
  })
  return res.json() as Promise<Invoked>
}

async function addMembers(db: any, n: number, prefix: string, role = 'member'): Promise<Array<{ openid: string; id: string }>> {
  const at = new Date()
  const members = Array.from({ length: n }, (_v, i) => ({
    _id: hex(), openid: `o_${prefix}_${i}`, name: `会员${i}`, department: ['语文组', '数学组', '英语组'][i % 3], status: '在职', gender: i % 2 ? '女' : '男',
    membership: 'approved', role, createdAt: at, updatedAt: at,
  }))
  for (let i = 0; i < members.length; i += 100) await db.collection('members').add({ data: members.slice(i, i + 100) })
  return members.map((m) => ({ openid: m.openid, id: m._id }))
}

const form = (over: Record<string, unknown> = {}) => ({
  title: '疗休养（压测）', category: '疗休养', description: '', place: '安吉', capacity: CAPACITY, waitlist: true,
  startAt: new Date(Date.now() + 48 * HOUR).toISOString(), endAt: new Date(Date.now() + 50 * HOUR).toISOString(),
  signupStartAt: new Date(Date.now() - HOUR).toISOString(), signupEndAt: new Date(Date.now() + 24 * HOUR).toISOString(),
  audience: { kind: 'all' }, fields: [{ key: 'room', label: '住宿', type: 'single', options: ['标准间', '单间'], required: true }],
  cancelPolicy: 'untilStart', needsApproval: false, ...over,
})

/** Creates and publishes through the function, as an organiser does; answers the id. */
async function create(url: string, env: string, organiser: string, over: Record<string, unknown> = {}): Promise<string> {
  const saved = await invoke(url, env, organiser, { action: 'save', requestId: hex(), activity: form(over) })
  if (!saved.result?.ok) throw new Error(saved.result?.message ?? saved.errMsg)
  await invoke(url, env, organiser, { action: 'publish', id: saved.result.data.id })
  return saved.result.data.id
}

const requests = (r: Invoked) => `${r.usage?.dbRequests ?? '?'} 次${r.result?.ok ? '' : `（失败：${r.result?.message ?? r.errMsg}）`}`

async function requestCounts(url: string, adminUrl: string): Promise<Row[]> {
  const env = `${ENV}-requests`
  const { db } = connectLocalSdk(adminUrl, env)
  const members = await addMembers(db, 8, 'rq')
  const [organiser] = await addMembers(db, 1, 'rqorg', 'committee')
  const call = (openid: string, data: Record<string, unknown>) => invoke(url, env, openid, data)
  const small = await create(url, env, organiser.openid, { capacity: 3 })
  for (let k = 0; k < 4; k++) await create(url, env, organiser.openid, { title: `其他活动 ${k}`, capacity: 10 })
  // Warm one instance for every call below (cold starts are not what this counts).
  await call(members[0].openid, { action: 'list', page: 1 })
  const signUp = (i: number) => call(members[i].openid, { action: 'register', activityId: small, answers: { room: '标准间' } })
  const confirmed = await signUp(0)
  await signUp(1)
  await signUp(2)
  const waitlisted = await signUp(3)
  await signUp(4)
  const repeatConfirmed = await signUp(0)
  const repeatWaiting = await signUp(4)
  const list = await call(members[4].openid, { action: 'list', page: 1 })
  const search = await call(members[4].openid, { action: 'list', page: 1, q: '活动' })
  const detail = await call(members[4].openid, { action: 'detail', id: small })
  const mine = await call(members[4].openid, { action: 'mine', page: 1 })
  const cancel = await call(members[0].openid, { action: 'cancel', activityId: small })
  return [
    { area: '活动报名 · 每次操作的数据库请求', measure: '报名成功（含调用者身份查询）', value: requests(confirmed), goal: '≤ 4（原 7）' },
    { area: '', measure: '报名进入候补（含回读“候补第 n 位”）', value: requests(waitlisted), goal: '≤ 6（原 11）' },
    { area: '', measure: '重复点击（已报名）', value: requests(repeatConfirmed), goal: '≤ 2（原 3）' },
    { area: '', measure: '重复点击（候补中，含位次）', value: requests(repeatWaiting), goal: '≤ 2（原 4）' },
    { area: '', measure: '活动列表（每张卡片带“我的状态”）', value: requests(list), goal: '≤ 3（原 3，无我的状态）' },
    { area: '', measure: '标题搜索（searchTerms 索引）', value: requests(search), goal: '≤ 3' },
    { area: '', measure: '活动详情（含我的报名）', value: requests(detail), goal: '—（原 3–4）' },
    { area: '', measure: '我的报名', value: requests(mine), goal: '≤ 3（原 3 + 每个候补 1）' },
    { area: '', measure: '取消报名（候补递补在同一次写入）', value: requests(cancel), goal: '—（原 ≥ 9）' },
  ]
}

async function invariant(db: any, activityId: string): Promise<string> {
  const rows: any[] = []
  for (let skip = 0; ; skip += 1000) {
    const page = (await db.collection('registrations').where({ activityId }).skip(skip).limit(1000).get()).data
    rows.push(...page)
    if (page.length < 1000) break
  }
  const a = (await db.collection('activities').doc(activityId).get()).data
  const entries = Object.values(a.ledger ?? {}) as Array<{ s: string; n: number }>
  const confirmed = entries.filter((e) => e.s === 'c').length
  const waiting = entries.filter((e) => e.s === 'w').length
  const queueOk = (a.queue ?? []).length === waiting && new Set(a.queue).size === waiting
  const countersOk = a.confirmedCount === confirmed && a.seatsTaken === confirmed && a.waitlistCount === waiting
  const ok = confirmed === CAPACITY && waiting === N - CAPACITY && queueOk && countersOk && rows.length === N
  return `${ok ? '成立' : '不成立'}（确认 ${confirmed}，候补 ${waiting}，队列 ${queueOk ? '一致' : '不一致'}，计数=名册 ${countersOk ? '是' : '否'}，报名行 ${rows.length}）`
}

/** 1,000 members signing up at once for 100 places, on warm instances. */
export async function signupBurst(cloud: { url: string; adminUrl: string; pid: number }) {
  const { db } = connectLocalSdk(cloud.adminUrl, ENV)
  const members = await addMembers(db, N, 'bench')
  const [organiser] = await addMembers(db, 1, 'org', 'committee')
  const activityId = await create(cloud.url, ENV, organiser.openid)
  // Warm every function instance (the runner keeps 4; cold starts are not what this measures).
  await Promise.all(Array.from({ length: 12 }, () => invoke(cloud.url, ENV, organiser.openid, { action: 'detail', id: activityId })))

  const started = Date.now()
  const cpuBefore = processCpuMs(cloud.pid)
  const answers = await Promise.all(members.map((m, i) => invoke(cloud.url, ENV, m.openid, { action: 'register', activityId, answers: { room: i % 5 ? '标准间' : '单间' } })))
  return { wallMs: Date.now() - started, cpuMs: processCpuMs(cloud.pid) - cpuBefore, answers, db, organiser, activityId }
}

export async function bench(): Promise<Row[]> {
  const engine = process.env.LOCAL_CLOUD_DATABASE_URL ? 'PostgreSQL 服务器' : 'PGlite'
  return withCloud(async (cloud) => {
    const rows = await requestCounts(cloud.url, cloud.adminUrl)
    const { wallMs: wall, cpuMs, answers, db, organiser, activityId } = await signupBurst(cloud)
    const failed = answers.filter((r) => !r.ok || !r.result?.ok)
    const firstFailure = failed[0] ? `，例：${failed[0].errMsg ?? failed[0].result?.message}` : ''
    const dbRequests = answers.reduce((n, r) => n + (r.usage?.dbRequests ?? 0), 0)

    const exportStart = Date.now()
    const exported = await invoke(cloud.url, ENV, organiser.openid, { action: 'exportRoster', id: activityId })
    const exportMs = Date.now() - exportStart

    return [
      ...rows,
      { area: `活动报名（${engine}）`, measure: `${N} 名会员同时报名 ${CAPACITY} 个名额：墙钟时间`, value: `${(wall / 1000).toFixed(1)} s（失败 ${failed.length}${firstFailure}）`, goal: '≤ 5 s（原 21.9 s），不超额、全部应答' },
      { area: '', measure: '同一突发本地云进程用的 CPU 时间（各线程合计）', value: `${(cpuMs / 1000).toFixed(1)} s`, goal: '—' },
      cpuFloorRow(cpuMs, 5),
      { area: '', measure: '同一突发的数据库请求总数', value: `${dbRequests}（平均每人 ${(dbRequests / N).toFixed(1)}）`, goal: '—' },
      { area: '', measure: '不变量（恰好 100 确认、900 候补、计数=名册、每人一行）', value: await invariant(db, activityId), goal: '成立' },
      { area: '', measure: `导出 ${N} 条报名的 Excel 名单`, value: exported.result?.ok ? `${(exportMs / 1000).toFixed(2)} s（${exported.result.data.rows} 行）` : `失败：${exported.result?.message ?? exported.errMsg}`, goal: '≤ 10 s' },
    ]
  })
}

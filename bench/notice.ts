/**
 * 校务公开 figures, through the function runner on a fresh local cloud: the board's first page
 * with 10,000 notices (visitor, member, category), title search at 10,000 and at 100,000 notices,
 * one notice's detail and read statistics with 500 readers, its 备案 Word export and the Excel
 * ledger of a year. Every call also reports how many database requests it made (the local cloud's
 * per-invocation `usage.dbRequests`): in production each one is a network round trip.
 */
import { connectLocalSdk } from '../emulator/sdk-env'
import { searchTerms } from '../cloudfunctions/_shared/search-terms'
import { noticeCategories } from '../types/notice'
import { withCloud } from './cloud'
import { ms, percentile, timeEach, type Row } from './stats'

const ENV = 'bench-notice'
const N = 10_000
const BIG = 100_000
const READERS = 500
const YEARS = [2022, 2023, 2024, 2025, 2026]

/** What a school union's board is about; titles are built from these like real ones. */
const TOPICS = [
  '教职工健康体检', '三八节女教职工活动', '教师节慰问', '暑期疗休养', '工会经费收支', '教代会提案征集', '职称评审推荐人选', '绩效工资分配方案',
  '冬季作息时间调整', '教工食堂供餐时间', '元旦假期安排', '工会会员会费收缴', '困难职工帮扶', '退休教职工慰问', '羽毛球比赛报名', '读书月活动',
  '先进工作者评选', '校务公开栏更新', '继续教育学时填报', '青年教师基本功比赛', '安全工作检查', '膳食委员会成员', '教职工趣味运动会', '心理健康讲座',
  '工会小组长会议', '民主评议结果', '年度考核优秀等次', '工会工作计划', '春游活动安排', '子女入学政策说明',
]
const FORMS = ['关于{y}年{t}的通知', '{y}年{t}情况公示', '{y}年度{t}结果公示', '关于开展{t}的通知', '{t}安排（{y}年）', '{y}年{t}说明']

const titleOf = (i: number) => `${FORMS[i % FORMS.length].replace('{y}', String(YEARS[i % YEARS.length])).replace('{t}', TOPICS[(i * 7) % TOPICS.length])}（第${i}号）`

/** What people type: parts of titles of two to six characters, common and rare. */
const QUERIES = ['体检', '三八节', '工会经费', '疗休养', '教代会提案', '第3721号', '绩效工资', '羽毛球', '心理健康讲座', '2024年度', '困难职工', '作息时间', '民主评议', '第88号', '食堂', '趣味运动会', '子女入学', '安全工作', '基本功', '元旦']

interface Answer { data: any; requests: number }

async function invoke(url: string, openid: string, data: Record<string, unknown>): Promise<Answer> {
  const res = await fetch(`${url}/local/invoke`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ env: ENV, name: 'notice', openid, data }),
  })
  const body = (await res.json()) as { ok: boolean; result?: any; errMsg?: string; usage?: { dbRequests: number } }
  if (!body.ok || !body.result?.ok) throw new Error(`notice.${String(data.action)}: ${JSON.stringify(body).slice(0, 300)}`)
  return { data: body.result.data, requests: body.usage?.dbRequests ?? NaN }
}

const para = (text: string) => ({ type: 'paragraph', text })

function noticeDoc(i: number) {
  const year = YEARS[i % YEARS.length]
  const publishedAt = new Date(Date.UTC(year, Math.floor(i / YEARS.length) % 12, (i % 28) + 1, 1 + (i % 9)))
  const withdrawn = i % 50 === 7
  const title = titleOf(i)
  return {
    title, searchTerms: searchTerms([title]), category: noticeCategories[i % 6], visibility: i % 3 ? 'internal' : 'public',
    pinned: i % 500 === 0, state: withdrawn ? 'withdrawn' : 'published', body: [para('各位教职工：'), para('现将有关事项通知如下，请相互转告。'.repeat(5))], attachments: [],
    version: 1, revision: 0, correctionCount: 0, versionLog: [{ version: 1, publishedAt }], objectionCount: 0, answeredCount: 0, publishedAt,
    ...(withdrawn ? { withdrawnAt: publishedAt, withdrawReason: '内容有误，重新发布' } : {}),
    ...(i % 10 === 0 ? { publicityStart: publishedAt, publicityEnd: new Date(publishedAt.getTime() + 7 * 86400_000) } : {}),
    createdBy: 'mem_chair', createdAt: publishedAt, updatedAt: publishedAt,
  }
}

async function addNotices(db: any, from: number, to: number): Promise<void> {
  for (let i = from; i < to; i += 500) await db.collection('notices').add({ data: Array.from({ length: Math.min(500, to - i) }, (_v, k) => noticeDoc(i + k)) })
}

async function fill(db: any): Promise<string> {
  const at = new Date()
  await db.collection('members').add({ data: [
    { _id: 'mem_chair', openid: 'o_bench_chair', name: '主席', department: '行政办公室', status: '在职', membership: 'approved', role: 'chair', createdAt: at, updatedAt: at },
    ...Array.from({ length: READERS + 100 }, (_v, i) => ({ _id: `mem_${i}`, openid: `o_bench_${i}`, name: `会员${String(i).padStart(3, '0')}`, department: ['语文组', '数学组', '后勤处'][i % 3], status: '在职', membership: 'approved', role: 'member', createdAt: at, updatedAt: at })),
  ] })
  await addNotices(db, 0, N)
  // The notice the detail/备案 figures use: 3 versions, 500 readers, 20 objections (10 answered).
  const now = new Date()
  const hot = 'ntc_hot'
  const title = '2026年度绩效工资分配方案公示'
  const versionLog = [1, 2, 3].map((v) => ({ version: v, publishedAt: new Date(now.getTime() - (4 - v) * 86400_000), ...(v > 1 ? { reason: `第 ${v} 次修订` } : {}) }))
  await db.collection('notices').add({ data: {
    _id: hot, title, searchTerms: searchTerms([title]), category: '财务', visibility: 'internal', pinned: true, state: 'published',
    body: [para('方案如下。'), { type: 'table', header: ['项目', '金额'], rows: Array.from({ length: 30 }, (_v, k) => [`项目${k}`, `${k * 100}`]) }],
    attachments: [], version: 3, revision: 0, correctionCount: 2, versionLog, objectionCount: 20, answeredCount: 10, publishedAt: versionLog[0].publishedAt,
    publicityStart: new Date(now.getTime() - 3 * 86400_000), publicityEnd: new Date(now.getTime() + 4 * 86400_000), createdBy: 'mem_chair', createdAt: now, updatedAt: now,
  } })
  await db.collection('notice_versions').add({ data: [1, 2, 3].map((v) => ({
    _id: `${hot}_v${v}`, noticeId: hot, version: v, title, body: [para(`第 ${v} 版正文。`)], attachments: [],
    ...(v > 1 ? { reason: `第 ${v} 次修订` } : {}), publishedAt: versionLog[v - 1].publishedAt, publishedBy: 'mem_chair',
  })) })
  for (let i = 0; i < READERS; i += 250) {
    await db.collection('notice_reads').add({ data: Array.from({ length: Math.min(250, READERS - i) }, (_v, k) => ({
      _id: `${hot}_mem_${i + k}`, noticeId: hot, memberId: `mem_${i + k}`, firstReadAt: new Date(now.getTime() - 86400_000 + (i + k) * 1000),
    })) })
  }
  await db.collection('notice_objections').add({ data: Array.from({ length: 20 }, (_v, k) => ({
    _id: `${hot}_mem_${k}_1`, noticeId: hot, memberId: `mem_${k}`, name: `会员${k}`, department: '语文组', text: `第 ${k} 条异议：请说明分配依据。`,
    raisedAt: new Date(now.getTime() - 86400_000 + k * 60_000), noticeTitle: title, answered: k % 2 === 1,
    ...(k % 2 ? { answer: '已说明。', answeredAt: now, answeredBy: 'mem_chair' } : {}),
  })) })
  return hot
}

/** p50 / p95 of `n` timed calls, the most database requests any of them made, and how many failed (named, not hidden). */
async function measure(n: number, call: (i: number) => Promise<Answer>): Promise<{ p50: number; p95: number; requests: number; last: any; failed: string[] }> {
  let requests = 0
  let last: any
  const failed: string[] = []
  const times = await timeEach(n, async (i) => {
    try {
      const a = await call(i)
      requests = Math.max(requests, a.requests)
      last = a.data
    } catch (err) {
      failed.push((err as Error).message.slice(0, 160))
    }
  })
  return { p50: percentile(times, 50), p95: percentile(times, 95), requests, last, failed }
}

const timing = (m: { p50: number; p95: number; failed: string[] }) => `${ms(m.p50)} / ${ms(m.p95)}${m.failed.length ? `（${m.failed.length} 次失败：${m.failed[0]}）` : ''}`

export async function bench(): Promise<Row[]> {
  const rows: Row[] = []
  await withCloud(async (cloud) => {
    const { db } = connectLocalSdk(cloud.adminUrl, ENV)
    const t0 = Date.now()
    const hot = await fill(db)
    rows.push({ area: '校务公开', measure: `写入 ${N.toLocaleString()} 条公告 + ${READERS} 人已读的一条`, value: `${((Date.now() - t0) / 1000).toFixed(1)} s` })

    const member = 'o_bench_1'
    await Promise.all(Array.from({ length: 8 }, () => invoke(cloud.url, member, { action: 'list' }))) // warm every instance
    const visitor = await measure(30, () => invoke(cloud.url, 'o_bench_visitor', { action: 'list', page: 1 }))
    rows.push({ area: '', measure: `列表第一页（${N.toLocaleString()} 条，访客）p50 / p95`, value: timing(visitor), goal: '≤ 300 ms' })
    const first = await measure(30, () => invoke(cloud.url, member, { action: 'list', page: 1 }))
    rows.push({ area: '', measure: '列表第一页（会员，含未读标记）p50 / p95', value: timing(first), goal: '≤ 300 ms' })
    rows.push({ area: '', measure: '列表一页的数据库请求数（会员 / 访客，含身份查询）', value: `${first.requests} / ${visitor.requests}`, goal: '≤ 3' })
    const byCategory = await measure(30, (i) => invoke(cloud.url, member, { action: 'list', page: 1, category: noticeCategories[i % 6] }))
    rows.push({ area: '', measure: '按类别筛选第一页 p50 / p95', value: timing(byCategory) })

    const search = async (label: string) => {
      const m = await measure(QUERIES.length * 2, (i) => invoke(cloud.url, member, { action: 'list', page: 1, keyword: QUERIES[i % QUERIES.length] }))
      rows.push({ area: '', measure: `标题搜索第一页（${label}，${QUERIES.length} 个常见与少见的词）p50 / p95`, value: timing(m), goal: label.startsWith('10,000') ? '≤ 50 ms' : '≤ 1.5 × 10,000 条时' })
      rows.push({ area: '', measure: `标题搜索的数据库请求数（${label}）`, value: String(m.requests), goal: '≤ 3' })
    }
    await search(`${N.toLocaleString()} 条`)

    const detail = await measure(30, (i) => invoke(cloud.url, `o_bench_${i}`, { action: 'get', id: hot }))
    rows.push({ area: '', measure: `详情（${READERS} 人已读，3 个版本，已读者再次打开）p50 / p95`, value: timing(detail), goal: '≤ 300 ms' })
    const firstOpen = await measure(30, (i) => invoke(cloud.url, `o_bench_${READERS + i}`, { action: 'get', id: hot }))
    const chairDetail = await measure(20, () => invoke(cloud.url, 'o_bench_chair', { action: 'get', id: hot }))
    rows.push({ area: '', measure: '详情（主席，含已读人数）p50 / p95', value: timing(chairDetail) })
    rows.push({ area: '', measure: '详情的数据库请求数（首次打开 / 再次打开 / 主席，含身份查询）', value: `${firstOpen.requests} / ${detail.requests} / ${chairDetail.requests}`, goal: '≤ 4' })
    const readers = await measure(20, () => invoke(cloud.url, 'o_bench_chair', { action: 'readers', id: hot }))
    rows.push({ area: '', measure: `阅读统计 + 未读名单（${READERS + 101} 名会员）p50 / p95（${readers.requests} 次请求）`, value: timing(readers), goal: '≤ 1 s' })

    const filing = await measure(5, () => invoke(cloud.url, 'o_bench_chair', { action: 'exportFiling', id: hot }))
    rows.push({ area: '', measure: `备案 Word（3 版、${READERS} 人已读名单、20 条异议）生成 + 上传 p50`, value: timing(filing), goal: '≤ 5 s' })
    const ledger = await measure(3, () => invoke(cloud.url, 'o_bench_chair', { action: 'exportLedger', from: '2025-01-01', to: '2025-12-31' }))
    rows.push({ area: '', measure: `一年公告台账 Excel（${Number(ledger.last?.count).toLocaleString()} 条，含已读/异议数）p50`, value: timing(ledger), goal: '≤ 20 s' })

    const t1 = Date.now()
    await addNotices(db, N, BIG)
    rows.push({ area: '', measure: `再写入 ${(BIG - N).toLocaleString()} 条公告`, value: `${((Date.now() - t1) / 1000).toFixed(1)} s` })
    await search(`${BIG.toLocaleString()} 条`)
    const big = await measure(20, () => invoke(cloud.url, member, { action: 'list', page: 1 }))
    rows.push({ area: '', measure: `列表第一页（${BIG.toLocaleString()} 条，会员）p50 / p95`, value: timing(big), goal: '≤ 300 ms' })
  })
  return rows
}

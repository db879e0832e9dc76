/**
 * 校务公开 figures, through the function runner on a fresh local cloud: the first page of the
 * board with 10,000 notices (visitor, member, category filter, title search), one notice's
 * detail and read statistics with 500 readers, its 备案 Word export, and the Excel ledger of a
 * year's notices (≈2,000 of the 10,000, with read and objection counts).
 */
import { connectLocalSdk } from '../emulator/sdk-env'
import { noticeCategories } from '../types/notice'
import { withCloud } from './cloud'
import { ms, percentile, timeEach, type Row } from './stats'

const ENV = 'bench-notice'
const N = 10_000
const READERS = 500
const YEARS = [2022, 2023, 2024, 2025, 2026]

async function invoke(url: string, openid: string, data: Record<string, unknown>): Promise<any> {
  const res = await fetch(`${url}/local/invoke`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ env: ENV, name: 'notice', openid, data }),
  })
  const body = (await res.json()) as { ok: boolean; result?: any; errMsg?: string }
  if (!body.ok || !body.result?.ok) throw new Error(`notice.${String(data.action)}: ${JSON.stringify(body).slice(0, 300)}`)
  return body.result.data
}

const para = (text: string) => ({ type: 'paragraph', text })

async function fill(db: any): Promise<string> {
  const at = new Date()
  await db.collection('members').add({ data: [
    { _id: 'mem_chair', openid: 'o_bench_chair', name: '主席', department: '行政办公室', status: '在职', membership: 'approved', role: 'chair', createdAt: at, updatedAt: at },
    ...Array.from({ length: READERS + 100 }, (_v, i) => ({ _id: `mem_${i}`, openid: `o_bench_${i}`, name: `会员${String(i).padStart(3, '0')}`, department: ['语文组', '数学组', '后勤处'][i % 3], status: '在职', membership: 'approved', role: 'member', createdAt: at, updatedAt: at })),
  ] })
  const batch: any[] = []
  for (let i = 0; i < N; i++) {
    const year = YEARS[i % YEARS.length]
    const publishedAt = new Date(Date.UTC(year, Math.floor(i / YEARS.length) % 12, (i % 28) + 1, 1 + (i % 9)))
    const withdrawn = i % 50 === 7
    batch.push({
      title: `${year}年第${i}号${noticeCategories[i % 6]}公告：关于教职工有关事项的通知`, category: noticeCategories[i % 6], visibility: i % 3 ? 'internal' : 'public',
      pinned: i % 500 === 0, state: withdrawn ? 'withdrawn' : 'published', body: [para('各位教职工：'), para('现将有关事项通知如下，请相互转告。'.repeat(5))], attachments: [],
      version: 1, correctionCount: 0, publishedAt, ...(withdrawn ? { withdrawnAt: publishedAt, withdrawReason: '内容有误，重新发布' } : {}),
      ...(i % 10 === 0 ? { publicityStart: publishedAt, publicityEnd: new Date(publishedAt.getTime() + 7 * 86400_000) } : {}),
      createdBy: 'mem_chair', createdAt: publishedAt, updatedAt: publishedAt,
    })
    if (batch.length === 500) await db.collection('notices').add({ data: batch.splice(0) })
  }
  // The notice the detail/备案 figures use: 3 versions, 500 readers, 20 objections (10 answered).
  const now = new Date()
  const hot = 'ntc_hot'
  await db.collection('notices').add({ data: {
    _id: hot, title: '2026年度绩效工资分配方案公示', category: '财务', visibility: 'internal', pinned: true, state: 'published',
    body: [para('方案如下。'), { type: 'table', header: ['项目', '金额'], rows: Array.from({ length: 30 }, (_v, k) => [`项目${k}`, `${k * 100}`]) }],
    attachments: [], version: 3, correctionCount: 2, publishedAt: new Date(now.getTime() - 3 * 86400_000),
    publicityStart: new Date(now.getTime() - 3 * 86400_000), publicityEnd: new Date(now.getTime() + 4 * 86400_000), createdBy: 'mem_chair', createdAt: now, updatedAt: now,
  } })
  await db.collection('notice_versions').add({ data: [1, 2, 3].map((v) => ({
    _id: `${hot}_v${v}`, noticeId: hot, version: v, title: '2026年度绩效工资分配方案公示', body: [para(`第 ${v} 版正文。`)], attachments: [],
    ...(v > 1 ? { reason: `第 ${v} 次修订` } : {}), publishedAt: new Date(now.getTime() - (4 - v) * 86400_000), publishedBy: 'mem_chair',
  })) })
  for (let i = 0; i < READERS; i += 250) {
    await db.collection('notice_reads').add({ data: Array.from({ length: Math.min(250, READERS - i) }, (_v, k) => ({
      _id: `${hot}_mem_${i + k}`, noticeId: hot, memberId: `mem_${i + k}`, firstReadAt: new Date(now.getTime() - 86400_000 + (i + k) * 1000),
    })) })
  }
  await db.collection('notice_objections').add({ data: Array.from({ length: 20 }, (_v, k) => ({
    noticeId: hot, memberId: `mem_${k}`, name: `会员${k}`, department: '语文组', text: `第 ${k} 条异议：请说明分配依据。`, raisedAt: new Date(now.getTime() - 86400_000 + k * 60_000),
    ...(k % 2 ? { answer: '已说明。', answeredAt: now, answeredBy: 'mem_chair' } : {}),
  })) })
  return hot
}

export async function bench(): Promise<Row[]> {
  const rows: Row[] = []
  await withCloud(async (cloud) => {
    const { db } = connectLocalSdk(cloud.adminUrl, ENV)
    const t0 = Date.now()
    const hot = await fill(db)
    rows.push({ area: '校务公开', measure: `写入 ${N.toLocaleString()} 条公告 + ${READERS} 人已读的一条`, value: `${((Date.now() - t0) / 1000).toFixed(1)} s` })

    const member = 'o_bench_1'
    await invoke(cloud.url, member, { action: 'list' }) // warm instance
    const visitor = await timeEach(30, () => invoke(cloud.url, 'o_bench_visitor', { action: 'list', page: 1 }))
    rows.push({ area: '', measure: `列表第一页（${N.toLocaleString()} 条，访客，仅对外）p50 / p95`, value: `${ms(percentile(visitor, 50))} / ${ms(percentile(visitor, 95))}`, goal: '≤ 300 ms' })
    const first = await timeEach(30, () => invoke(cloud.url, member, { action: 'list', page: 1 }))
    rows.push({ area: '', measure: '列表第一页（会员，含未读标记）p50 / p95', value: `${ms(percentile(first, 50))} / ${ms(percentile(first, 95))}`, goal: '≤ 300 ms' })
    const byCategory = await timeEach(30, (i) => invoke(cloud.url, member, { action: 'list', page: 1, category: noticeCategories[i % 6] }))
    rows.push({ area: '', measure: '按类别筛选第一页 p50 / p95', value: `${ms(percentile(byCategory, 50))} / ${ms(percentile(byCategory, 95))}` })
    const search = await timeEach(20, (i) => invoke(cloud.url, member, { action: 'list', page: 1, keyword: `第${i * 37}号` }))
    rows.push({ area: '', measure: '标题搜索第一页 p50 / p95', value: `${ms(percentile(search, 50))} / ${ms(percentile(search, 95))}` })

    const detail = await timeEach(30, (i) => invoke(cloud.url, `o_bench_${i}`, { action: 'get', id: hot }))
    rows.push({ area: '', measure: `详情（${READERS} 人已读，3 个版本，已读者再次打开）p50 / p95`, value: `${ms(percentile(detail, 50))} / ${ms(percentile(detail, 95))}`, goal: '≤ 300 ms' })
    const chairDetail = await timeEach(20, () => invoke(cloud.url, 'o_bench_chair', { action: 'get', id: hot }))
    rows.push({ area: '', measure: '详情（主席，含已读人数）p50 / p95', value: `${ms(percentile(chairDetail, 50))} / ${ms(percentile(chairDetail, 95))}` })
    const readers = await timeEach(20, () => invoke(cloud.url, 'o_bench_chair', { action: 'readers', id: hot }))
    rows.push({ area: '', measure: `阅读统计 + 未读名单（${READERS + 101} 名会员）p50 / p95`, value: `${ms(percentile(readers, 50))} / ${ms(percentile(readers, 95))}`, goal: '≤ 1 s' })

    const filing = await timeEach(5, () => invoke(cloud.url, 'o_bench_chair', { action: 'exportFiling', id: hot }))
    rows.push({ area: '', measure: `备案 Word（3 版、${READERS} 人已读名单、20 条异议）生成 + 上传 p50`, value: ms(percentile(filing, 50)), goal: '≤ 5 s' })
    let count = 0
    const ledger = await timeEach(3, async () => { count = (await invoke(cloud.url, 'o_bench_chair', { action: 'exportLedger', from: '2025-01-01', to: '2025-12-31' })).count })
    rows.push({ area: '', measure: `一年公告台账 Excel（${count.toLocaleString()} 条，含已读/异议数）p50`, value: ms(percentile(ledger, 50)), goal: '≤ 20 s' })
  })
  return rows
}

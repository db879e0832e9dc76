/**
 * The 台帐 of a large year: 2,000 published notices (one 备案 each, some with objections) and 2,000
 * visits, stored as the notice and welfare functions store them. The build is carried across calls
 * (each works ≤ 20 s of the function's 60 s, config.json; the local cloud enforces the limit), so it
 * finishes however large the year. Prints the calls, the longest call, the time and size.
 */
import crypto from 'node:crypto'
import JSZip from 'jszip'
import { newEnvName, sdkFor } from '../support/cloud'
import { persona } from '../../emulator/seed/personas'
import { buildArchive } from './plan-support'

jest.setTimeout(180_000)

const YEAR = 2031
const N = 2000
const hex = () => crypto.randomBytes(16).toString('hex')

it(`builds the ${YEAR} 台帐 with ${N} notices and ${N} visits, call after call, every call within the time limit`, async () => {
  const env = newEnvName('plan-bench')
  const { db } = sdkFor(env)
  // Only the chair: the archive reads what the year holds, nothing of the demo data is needed.
  await db.collection('members').add({ data: { _id: 'm_bench_chair', openid: persona('chair').openid, name: '王建华', department: '校办', status: '在职', membership: 'approved', role: 'chair', createdAt: new Date(), updatedAt: new Date() } })
  const at = (i: number) => new Date(Date.UTC(YEAR, 0, 2) + i * 3 * 3600_000)
  const notices = Array.from({ length: N }, (_v, i) => ({
    _id: hex(), title: `关于${YEAR}年第${i + 1}项工作的公示`, category: '校务', visibility: 'internal', pinned: false, state: 'published',
    body: [{ type: 'paragraph', text: '经研究，现将有关事项公示如下。'.repeat(8) }], attachments: [], version: 1, revision: 0, correctionCount: 0,
    publicityStart: at(i), publicityEnd: new Date(at(i).getTime() + 5 * 86400_000), publishedAt: at(i), searchTerms: [], versionLog: [{ version: 1, publishedAt: at(i) }],
    objectionCount: 0, answeredCount: 0, createdBy: 'm_chair', createdAt: at(i), updatedAt: at(i),
  }))
  const objections = notices.filter((_n, i) => i % 20 === 0).map((n) => ({
    _id: hex(), noticeId: n._id, memberId: 'mem003', name: '张明', department: '数学组', text: '名单中有一处需要核实', raisedAt: n.publishedAt, answered: true, answer: '已核实更正', answeredAt: n.publishedAt,
  }))
  const visits = Array.from({ length: N }, (_v, i) => ({
    _id: hex(), recipient: { kind: 'other', name: `慰问对象${i + 1}`, relation: '家属' }, reason: i % 2 ? '节日慰问' : '生日', visitDate: `${YEAR}-${String((i % 12) + 1).padStart(2, '0')}-10`,
    visitors: [{ memberId: 'm_committee', name: '李晓梅' }], cashFen: 50000, gifts: [], fund: '工会经费', notes: '', photos: [], state: 'done', giftFen: 0,
    month: `${YEAR}-${String((i % 12) + 1).padStart(2, '0')}`, revision: 1, createdBy: 'm_committee', createdAt: at(i), updatedAt: at(i),
  }))
  for (const [name, rows] of [['notices', notices], ['notice_objections', objections], ['welfare_visits', visits]] as const) {
    for (let i = 0; i < rows.length; i += 100) await db.collection(name).add({ data: rows.slice(i, i + 100) as any })
  }

  const started = Date.now()
  const { out, answers } = await buildArchive(env, YEAR)
  const ms = Date.now() - started
  const r = { data: out }
  console.log(`plan.archive ${YEAR}: ${N} notices + ${N} visits → ${out.files} files, ${(out.bytes / 1024 / 1024).toFixed(1)} MB in ${(ms / 1000).toFixed(1)} s over ${answers.length} calls`)
  // The parts: plan, meetings, 10 × 200 notices, opinions, visits, polls, audit — then the zip.
  expect(answers.filter((a) => a.state === 'building').every((a) => a.total === 17)).toBe(true)
  // index, plan, summary, the notices' 备案, opinions, visits, polls, audit log (no meetings or activities that year)
  expect(r.data.files).toBe(N + 7)
  const zip = await JSZip.loadAsync(Buffer.from(await (await fetch(r.data.url)).arrayBuffer()))
  const filings = Object.keys(zip.files).filter((f) => f.includes('/04-校务公开/') && !zip.files[f].dir)
  expect(filings).toHaveLength(N)
  const sample = await JSZip.loadAsync(await zip.file(filings[0])!.async('nodebuffer'))
  expect(await sample.file('word/document.xml')!.async('string')).toContain('备案')
})

/** 备案: the Word document of one notice and the Excel ledger, opened and read back. */
import ExcelJS from 'exceljs'
import JSZip from 'jszip'
import { seededEnv } from './helpers'
import { body, call, day, ok, published } from './notice-support'

let env: string
let db: any
beforeAll(async () => { ({ env, db } = await seededEnv('notice-exp')) })

/** The visible text of a .docx (w:t runs joined per paragraph). */
async function docxText(url: string): Promise<string> {
  const res = await fetch(encodeURI(url))
  expect(res.ok).toBe(true)
  const zip = await JSZip.loadAsync(Buffer.from(await res.arrayBuffer()))
  const xml = await zip.file('word/document.xml')!.async('string')
  return xml.split('</w:p>').map((p) => [...p.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('')).join('\n')
}

describe('备案 Word document', () => {
  it('holds every version with its reason, the read statistics with the unread list, and the objection log', async () => {
    const id = await published(env, {
      title: '2026年度绩效考核结果公示', publicity: { startDate: day(0), endDate: day(5) },
      body: [{ type: 'heading', text: '一、考核结果' }, { type: 'table', header: ['姓名', '等次'], rows: [['刘芳', '优秀']] }, { type: 'paragraph', text: '公示期内如有异议请提出。' }],
    })
    await ok(env, 'staff', 'get', { id })
    await ok(env, 'staff', 'object', { id, text: '刘芳老师的课时统计有误，请复核。' })
    const [o] = (await ok(env, 'chair', 'objections', { id })).items
    await ok(env, 'chair', 'answerObjection', { objectionId: o.id, answer: '已复核，课时统计无误。' })
    await ok(env, 'chair', 'correct', { id, version: 1, title: '2026年度绩效考核结果公示', body: body('更正后的正文。'), reason: '补充考核细则' })

    const out = await ok(env, 'chair', 'exportFiling', { id })
    const publishedOn = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10)
    expect(out.fileName).toBe(`${publishedOn} 2026年度绩效考核结果公示 备案.docx`)
    expect(decodeURIComponent(new URL(out.url).pathname)).toMatch(new RegExp(`/${out.fileName}$`))
    const text = await docxText(out.url)
    for (const expected of [
      '校务公开备案表', '2026年度绩效考核结果公示', '对内公开（仅会员可见）', '第 1 版（首次发布）', '一、考核结果', '刘芳', '公示期内如有异议请提出。',
      '第 2 版（更正）', '更正原因：补充考核细则', '更正后的正文。', '三、阅读统计', '未读名单', '张明', '四、异议记录',
      '共收到异议 1 条，已答复 1 条', '刘芳老师的课时统计有误，请复核。', '已复核，课时统计无误。', '导出人：王建华',
    ]) expect(text).toContain(expected)
    const members = (await db.collection('members').where({ membership: 'approved' }).count()).total
    expect(text).toContain(`应读人数（现有会员）：${members} 人；已读：1 人；未读：${members - 1} 人`)
    expect((await db.collection('audit_log').where({ action: 'notice.exportFiling', 'target.id': id }).count()).total).toBe(1)
  })

  it('is refused for drafts and for everyone but the chair', async () => {
    const { id } = await ok(env, 'committee', 'createDraft', { title: '未发布', category: '校务', visibility: 'internal', body: body('x') })
    expect(await call(env, 'chair', 'exportFiling', { id })).toMatchObject({ ok: false, code: 'CONFLICT' })
    expect(await call(env, 'committee', 'exportFiling', { id })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  })
})

describe('Excel ledger', () => {
  it('lists every published or withdrawn notice of the range with versions, reads and objections', async () => {
    const out = await ok(env, 'chair', 'exportLedger', { from: day(-365), to: day(0) })
    expect(out.fileName).toBe(`校务公开台账 ${day(-365)} 至 ${day(0)}.xlsx`)
    expect(decodeURIComponent(new URL(out.url).pathname)).toMatch(new RegExp(`/${out.fileName}$`))
    const res = await fetch(encodeURI(out.url))
    const book = new ExcelJS.Workbook()
    await book.xlsx.load(Buffer.from(await res.arrayBuffer()) as any)
    const sheet = book.getWorksheet('校务公开台账')!
    expect(sheet.getRow(1).values).toEqual(expect.arrayContaining(['标题', '类别', '公开范围', '状态', '发布时间', '更正次数', '已读人数', '异议（条）']))
    const titles: string[] = []
    sheet.eachRow((row, n) => { if (n > 1 && typeof row.getCell(1).value === 'number') titles.push(String(row.getCell(2).value)) })
    const expected = (await db.collection('notices').where({ state: db.command.in(['published', 'withdrawn']) }).limit(100).get()).data
      .filter((n: any) => new Date(n.publishedAt) <= new Date()).length
    expect(titles).toHaveLength(expected)
    expect(out.count).toBe(expected)
    expect(titles).toContain('关于元旦假期安排的通知') // withdrawn notices stay on the ledger
    expect(titles).not.toContain('2027年校工会工作计划（征求意见稿）') // drafts were never published
    const row = sheet.getRows(2, titles.length)!.find((r) => r.getCell(2).value === '关于调整教工食堂冬季供餐时间的通知')!
    expect(row.getCell(8).value).toBe(1)
    const reads = async (id: string) => (await db.collection('notice_reads').where({ noticeId: id }).count()).total
    const rowOf = (title: string) => sheet.getRows(2, titles.length)!.find((r) => r.getCell(2).value === title)!
    const checkup = (await db.collection('notices').where({ title: '关于2026年教职工健康体检安排的通知' }).get()).data[0]
    expect(rowOf(checkup.title).getCell(10).value).toBe(await reads(checkup._id))
    const election = rowOf('第六届教职工代表大会代表补选结果公示')
    expect([election.getCell(11).value, election.getCell(12).value]).toEqual([2, 1])
  })

  it('refuses a reversed or longer-than-a-year range with a Chinese message', async () => {
    expect(await call(env, 'chair', 'exportLedger', { from: day(0), to: day(-3) })).toMatchObject({ ok: false, code: 'BAD_INPUT', message: expect.stringContaining('不能早于') })
    expect(await call(env, 'chair', 'exportLedger', { from: day(-800), to: day(0) })).toMatchObject({ ok: false, code: 'BAD_INPUT', message: expect.stringContaining('一年') })
    expect(await call(env, 'chair', 'exportLedger', { from: '2026-02-30', to: '2026-03-01' })).toMatchObject({ ok: false, code: 'BAD_INPUT' })
  })
})

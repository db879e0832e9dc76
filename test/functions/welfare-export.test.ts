/** Excel export of a year's ledger: every visit, exact amounts, totals sheet; audited. */
import ExcelJS from 'exceljs'
import { callAs, seededEnv } from './helpers'
import { shanghaiDate } from '../../cloudfunctions/_shared/time'

let env: string
let db: any
beforeAll(async () => { ({ env, db } = await seededEnv('welfare-export')) })
const year = Number(shanghaiDate(new Date()).slice(0, 4))

it('exports every visit of the year with amounts in 元 and the totals, through a temporary link', async () => {
  const out = await callAs(env, 'committee', 'welfare', { action: 'export', year })
  expect(out.ok).toBe(true)
  const _ = db.command
  const stored = (await db.collection('welfare_visits').where({ visitDate: _.gte(`${year}-01-01`).and(_.lt(`${year + 1}-01-01`)) }).limit(1000).get()).data
  expect(out.data.rows).toBe(stored.length)
  const book = new ExcelJS.Workbook()
  await book.xlsx.load(Buffer.from(await (await fetch(encodeURI(out.data.url))).arrayBuffer()) as any)
  const sheet = book.getWorksheet(`${year}年慰问明细`)!
  expect(sheet.rowCount).toBe(stored.length + 1)
  let cashFen = 0
  sheet.eachRow((row, n) => { if (n > 1) cashFen += Math.round(Number(row.getCell(5).value) * 100) })
  expect(cashFen).toBe(stored.reduce((s: number, v: any) => s + v.cashFen, 0))
  const totals = book.getWorksheet('汇总（已慰问）')!
  const last = totals.getRow(totals.rowCount)
  const done = stored.filter((v: any) => v.state === 'done')
  const totalFen = done.reduce((s: number, v: any) => s + v.cashFen + v.giftFen, 0)
  expect(last.getCell(1).value).toBe('合计')
  expect(last.getCell(5).value).toBe(`${Math.floor(totalFen / 100)}.${String(totalFen % 100).padStart(2, '0')}`)
  expect((await db.collection('audit_log').where({ action: 'welfare.export' }).count()).total).toBe(1)
})

it('members and visitors get nothing from any welfare action', async () => {
  const actions = ['list', 'summary', 'export', 'get', 'people', 'plans', 'todo', 'planPreview', 'record', 'disclosureDraft']
  for (const who of ['staff', 'retiree', 'visitor'] as const) {
    for (const action of actions) {
      const r = await callAs(env, who, 'welfare', { action, id: 'wv001', year, filter: { retirees: true } })
      expect(r).toEqual({ ok: false, code: 'FORBIDDEN', message: expect.stringMatching(/只有工会/) })
    }
  }
})

/**
 * Roster import through the real runner and SDK: files are made with exceljs (or written as
 * CSV, including GB18030 as Excel saves it on Chinese Windows), uploaded to the local cloud's
 * storage like the app does, and imported. A file with any bad row writes nothing.
 */
import ExcelJS from 'exceljs'
import { callAs, seededEnv } from './helpers'
import { requestId } from './member-support'

let env: string
let cloud: any
let db: any
beforeAll(async () => {
  ({ env, db } = await seededEnv('roster'))
  cloud = require('wx-server-sdk')
})

const HEADER = ['姓名', '部门', '工号', '生日', '性别', '状态', '手机']
type Row = Array<string>

async function xlsx(rows: Row[]): Promise<Buffer> {
  const book = new ExcelJS.Workbook()
  const sheet = book.addWorksheet('名册')
  sheet.addRow(HEADER)
  rows.forEach((r) => sheet.addRow(r))
  return Buffer.from(await book.xlsx.writeBuffer())
}

async function upload(name: string, content: Buffer): Promise<string> {
  const res = await cloud.uploadFile({ cloudPath: `uploads/roster/${Date.now()}-${name}`, fileContent: content })
  return res.fileID
}

async function importFile(name: string, content: Buffer) {
  return callAs(env, 'chair', 'member', { action: 'importRoster', fileId: await upload(name, content), fileName: name })
}

const person = (i: number, status = '在职'): Row => [`教师${i}`, '语文组', `T${String(i).padStart(5, '0')}`, '1980-01-15', i % 2 ? '男' : '女', status, `139${String(i).padStart(8, '0')}`]

async function liveRows(): Promise<number> {
  return (await callAs(env, 'chair', 'member', { action: 'rosterStatus' })).data.rows
}

describe('roster import', () => {
  it('imports a good Excel file and replaces the previous roster', async () => {
    const r = await importFile('名册.xlsx', await xlsx([person(1), person(2, '离退休'), person(3)]))
    expect(r).toMatchObject({ ok: true, data: { imported: true, rows: 3, bad: [] } })
    expect(await liveRows()).toBe(3)
    expect((await db.collection('roster').count()).total).toBe(3)
  })

  it('writes nothing from a file with bad rows, and lists each with its reason', async () => {
    const before = (await db.collection('roster').count()).total
    const r = await importFile('有错.xlsx', await xlsx([person(10), ['', '语文组', 'T99', '', '', '在职', ''], [...person(11).slice(0, 5), '休假', '']]))
    expect(r.data).toEqual({ imported: false, rows: 3, approvedApplicants: 0, bad: [
      { row: 3, reason: '缺少姓名' },
      { row: 4, reason: '状态应为"在职"或"离退休"' },
    ] })
    expect((await db.collection('roster').count()).total).toBe(before)
    expect(await liveRows()).toBe(3)
  })

  it('refuses duplicate staff numbers in one file', async () => {
    const r = await importFile('重复.xlsx', await xlsx([person(20), person(21), [...person(22).slice(0, 2), person(20)[2], ...person(22).slice(3)]]))
    expect(r.data.imported).toBe(false)
    expect(r.data.bad).toEqual([{ row: 4, reason: '工号 T00020 与第 2 行重复' }])
  })

  it('imports a 1,000-row file completely', async () => {
    const rows = Array.from({ length: 1000 }, (_, i) => person(1000 + i, i % 5 ? '在职' : '离退休'))
    const r = await importFile('全校.xlsx', await xlsx(rows))
    expect(r.data).toMatchObject({ imported: true, rows: 1000 })
    expect(await liveRows()).toBe(1000)
    expect((await db.collection('roster').count()).total).toBe(1000)
  })

  it('reads a CSV saved as GB18030 and approves the applicant it confirms', async () => {
    const applicant = { openid: `o_test_roster_${Date.now()}` }
    await callAs(env, applicant, 'member', { action: 'apply', requestId: requestId(), name: '钱多多', department: '数学组', status: '在职', staffNo: 'C0001' })
    expect((await callAs(env, applicant, 'member', { action: 'me' })).data.role).toBe('applicant')
    const csv = `${HEADER.join(',')}\r\n钱多多,数学组,C0001,1979-05-04,女,在职,13900000001\r\n`
    const r = await importFile('名册.csv', Buffer.from(gb18030(csv)))
    expect(r.data).toMatchObject({ imported: true, rows: 1, approvedApplicants: 1 })
    expect((await callAs(env, applicant, 'member', { action: 'me' })).data.role).toBe('member')
  })

  it('refuses a file that is not a roster with a clear message', async () => {
    const r = await importFile('照片.xlsx', Buffer.from('not a zip'))
    expect(r).toMatchObject({ ok: false, code: 'BAD_INPUT' })
    expect(r.message).toContain('无法读取')
  })

  it('refuses other file types before reading them', async () => {
    const r = await callAs(env, 'chair', 'member', { action: 'importRoster', fileId: 'cloud://x.y/a.pdf', fileName: 'a.pdf' })
    expect(r).toMatchObject({ ok: false, code: 'BAD_INPUT' })
  })
})

/** GB18030 bytes for the CSV (Node can decode GB18030 but not encode it): via iconv tables in the test only. */
function gb18030(text: string): Uint8Array {
  // Build a reverse map for the characters used by decoding every 2-byte GBK code once.
  const decoder = new TextDecoder('gb18030')
  const map = new Map<string, number[]>()
  for (let hi = 0x81; hi <= 0xfe; hi++) {
    for (let lo = 0x40; lo <= 0xfe; lo++) {
      if (lo === 0x7f) continue
      const ch = decoder.decode(new Uint8Array([hi, lo]))
      if (ch.length === 1 && !map.has(ch)) map.set(ch, [hi, lo])
    }
  }
  const out: number[] = []
  for (const ch of text) {
    if (ch.charCodeAt(0) < 0x80) out.push(ch.charCodeAt(0))
    else {
      const bytes = map.get(ch)
      if (!bytes) throw new Error(`no GB18030 bytes for ${ch}`)
      out.push(...bytes)
    }
  }
  return new Uint8Array(out)
}

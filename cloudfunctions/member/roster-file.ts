/**
 * Reads a roster file (Excel .xlsx or CSV) into rows of header → text. Pure: no database.
 * CSV saved by Excel on Chinese Windows is usually GB18030, so a file that is not valid UTF-8
 * is read as GB18030.
 */
// Types only at the top: exceljs itself loads inside the import that needs it (cold starts stay fast).
import type ExcelJS from 'exceljs'

export type RawRow = { line: number; cells: Record<string, string> }

export async function readRosterFile(fileName: string, content: Buffer): Promise<{ rows: RawRow[] } | { error: string }> {
  try {
    return /\.csv$/i.test(fileName) ? { rows: fromCsv(decodeText(content)) } : { rows: await fromXlsx(content) }
  } catch {
    return { error: '无法读取这个文件：请确认是 Excel（.xlsx）或 CSV 格式，且没有加密' }
  }
}

function decodeText(content: Buffer): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(content).replace(/^\uFEFF/, '')
  } catch {
    return new TextDecoder('gb18030').decode(content)
  }
}

/** RFC 4180 CSV: quoted fields may hold commas, quotes ("") and line breaks. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = []
  let row: string[] = []
  let field = ''
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') { field += '"'; i++ } else if (ch === '"') quoted = false
      else field += ch
    } else if (ch === '"') quoted = true
    else if (ch === ',') { row.push(field); field = '' } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++
      row.push(field); rows.push(row); row = []; field = ''
    } else field += ch
  }
  if (field !== '' || row.length) { row.push(field); rows.push(row) }
  return rows
}

function toRows(table: string[][]): RawRow[] {
  const headerIndex = table.findIndex((r) => r.some((c) => c.trim() !== ''))
  if (headerIndex < 0) return []
  const header = table[headerIndex].map((h) => h.trim())
  const out: RawRow[] = []
  table.slice(headerIndex + 1).forEach((r, i) => {
    if (!r.some((c) => String(c ?? '').trim() !== '')) return
    const cells: Record<string, string> = {}
    header.forEach((h, j) => { if (h) cells[h] = String(r[j] ?? '').trim() })
    out.push({ line: headerIndex + i + 2, cells })
  })
  return out
}

function fromCsv(text: string): RawRow[] {
  return toRows(parseCsv(text))
}

/** A cell as the person sees it: dates as YYYY-MM-DD, numbers without trailing .0. */
function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return ''
  if (value instanceof Date) return value.toISOString().slice(0, 10)
  if (typeof value === 'object') {
    if ('result' in value && value.result !== undefined) return cellText(value.result as ExcelJS.CellValue)
    if ('richText' in value) return value.richText.map((t) => t.text).join('')
    if ('text' in value) return String(value.text)
    return ''
  }
  return String(value)
}

async function fromXlsx(content: Buffer): Promise<RawRow[]> {
  const { default: Excel } = await import('exceljs')
  const book = new Excel.Workbook()
  await book.xlsx.load(content as unknown as ArrayBuffer)
  const sheet = book.worksheets[0]
  if (!sheet) return []
  const table: string[][] = []
  sheet.eachRow({ includeEmpty: true }, (row, n) => {
    const values = row.values as ExcelJS.CellValue[]
    table[n - 1] = values.slice(1).map(cellText)
  })
  for (let i = 0; i < table.length; i++) table[i] ??= []
  return toRows(table)
}

/**
 * The printable 评议码 slips: two to a row, cut along the lines. A slip holds the poll's title,
 * the code and how to use it — never a name or a number that could be matched to whom it went.
 * Loaded with `await import()` by the action that prints (docx is heavy).
 */
import { AlignmentType, BorderStyle, Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } from 'docx'
import { formatCode } from '../../types/poll'
import { FONT, HEAD_FONT } from '../_shared/docx-style'

const dashed = { style: BorderStyle.DASHED, size: 6, color: '999999' }
const borders = { top: dashed, bottom: dashed, left: dashed, right: dashed }

function slip(title: string, code: string): TableCell {
  const line = (text: string, opts: { size?: number; bold?: boolean; mono?: boolean } = {}) => new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { before: 60, after: 60 },
    children: [new TextRun({ text, size: opts.size ?? 20, bold: opts.bold, font: opts.mono ? 'Courier New' : opts.bold ? HEAD_FONT : FONT })],
  })
  return new TableCell({
    borders,
    width: { size: 50, type: WidthType.PERCENTAGE },
    margins: { top: 160, bottom: 160, left: 120, right: 120 },
    children: [
      line(title, { bold: true, size: 22 }),
      line('一次性评议码（不记名）'),
      line(formatCode(code), { size: 40, bold: true, mono: true }),
      line('在会场投票设备上选“用评议码投票”，输入此码后填写选票。'),
      line('此码只能用一次；投票后请自行记下屏幕上的核对码。'),
    ],
  })
}

export async function slipsDocument(title: string, codes: string[]): Promise<Buffer> {
  const rows: TableRow[] = []
  for (let i = 0; i < codes.length; i += 2) {
    const pair = codes.slice(i, i + 2)
    rows.push(new TableRow({ cantSplit: true, children: [slip(title, pair[0]), pair[1] ? slip(title, pair[1]) : new TableCell({ borders, children: [new Paragraph('')] })] }))
  }
  const doc = new Document({
    creator: '教工之家', title: `评议码 ${title}`,
    styles: { default: { document: { run: { font: FONT, size: 20 } } } },
    sections: [{ children: [new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, rows })] }],
  })
  return Packer.toBuffer(doc)
}

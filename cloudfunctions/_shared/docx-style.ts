/**
 * Word building blocks for the poll's documents (report, slips): fonts set for East Asian text
 * (宋体 / 黑体) so Chinese renders in Word and WPS, single-line table borders like the official forms.
 */
import { AlignmentType, BorderStyle, Paragraph, Table, TableCell, TableRow, TextRun, VerticalAlign, WidthType } from 'docx'

export const FONT = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '宋体', cs: 'Times New Roman' }
export const HEAD_FONT = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '黑体', cs: 'Times New Roman' }

export function text(value: string, opts: { bold?: boolean; size?: number; center?: boolean; after?: number } = {}): Paragraph {
  return new Paragraph({
    alignment: opts.center ? AlignmentType.CENTER : undefined,
    spacing: { after: opts.after ?? 80 },
    children: [new TextRun({ text: value, bold: opts.bold, size: opts.size, font: opts.bold ? HEAD_FONT : FONT })],
  })
}

const line = { style: BorderStyle.SINGLE, size: 6, color: '000000' }
const borders = { top: line, bottom: line, left: line, right: line }

/** A header cell may span columns ([label, span]); body cells are centred, like the printed forms. */
export type HeaderCell = string | [string, number]

export function grid(headers: HeaderCell[][], rows: string[][]): Table {
  const cell = (value: string, bold: boolean, span = 1) => new TableCell({
    borders, columnSpan: span, verticalAlign: VerticalAlign.CENTER,
    children: [new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: value || ' ', bold, size: 18, font: bold ? HEAD_FONT : FONT })] })],
  })
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      ...headers.map((h) => new TableRow({ tableHeader: true, children: h.map((c) => (Array.isArray(c) ? cell(c[0], true, c[1]) : cell(c, true))) })),
      ...rows.map((r) => new TableRow({ cantSplit: true, children: r.map((c) => cell(c, false)) })),
    ],
  })
}

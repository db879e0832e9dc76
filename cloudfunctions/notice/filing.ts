/**
 * 备案: one notice as a Word document the central school can file — every published version
 * (with its correction reason), read statistics with the unread list, and the objection log.
 * Fonts are set for East Asian text (宋体/黑体) so Chinese renders in Word and WPS.
 */
import {
  AlignmentType, BorderStyle, Document, HeadingLevel, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType,
} from 'docx'
import type { NoticeBlock } from '../../types/notice'
import type { Ctx } from '../_shared/context'
import { COLLECTIONS, type MemberDoc, type NoticeDoc, type NoticeObjectionDoc, type NoticeVersionDoc } from '../_shared/documents'
import { formatShanghai } from '../_shared/time'
import { collectAll } from './collect'
import { readSplit } from './receipts'

const FONT = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '宋体', cs: 'Times New Roman' }
const HEAD_FONT = { ascii: 'Times New Roman', hAnsi: 'Times New Roman', eastAsia: '黑体', cs: 'Times New Roman' }

const STATE: Record<NoticeDoc['state'], string> = { draft: '草稿', published: '已发布', withdrawn: '已撤回' }
const when = (at: Date | undefined) => (at ? formatShanghai(new Date(at)) : '—')

function para(text: string, opts: { bold?: boolean; size?: number; center?: boolean; indent?: boolean } = {}): Paragraph {
  return new Paragraph({
    alignment: opts.center ? AlignmentType.CENTER : undefined,
    indent: opts.indent ? { firstLine: 480 } : undefined,
    spacing: { after: 80 },
    children: [new TextRun({ text, bold: opts.bold, size: opts.size, font: opts.bold ? HEAD_FONT : FONT })],
  })
}

function heading(text: string, level: 1 | 2): Paragraph {
  return new Paragraph({
    heading: level === 1 ? HEADING_1 : HEADING_2,
    spacing: { before: 240, after: 120 },
    children: [new TextRun({ text, bold: true, size: level === 1 ? 30 : 26, font: HEAD_FONT, color: '000000' })],
  })
}
const HEADING_1 = HeadingLevel.HEADING_1
const HEADING_2 = HeadingLevel.HEADING_2

const border = { style: BorderStyle.SINGLE, size: 4, color: '888888' }
const borders = { top: border, bottom: border, left: border, right: border }

function table(header: string[], rows: string[][]): Table {
  const cell = (text: string, bold = false) => new TableCell({ borders, children: [para(text || ' ', { bold })] })
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [new TableRow({ tableHeader: true, children: header.map((h) => cell(h, true)) }), ...rows.map((r) => new TableRow({ children: header.map((_, i) => cell(r[i] ?? '')) }))],
  })
}

function bodyBlocks(body: NoticeBlock[]): Array<Paragraph | Table> {
  return body.flatMap((b): Array<Paragraph | Table> => {
    switch (b.type) {
      case 'heading': return [para(b.text, { bold: true })]
      case 'paragraph': return [para(b.text, { bold: b.bold, indent: true })]
      case 'list': return b.items.map((item, i) => para(`${b.ordered ? `${i + 1}.` : '•'} ${item}`))
      case 'table': return [table(b.header, b.rows), para('')]
      case 'image': return [para(`［图片${b.caption ? `：${b.caption}` : ''}］`)]
    }
  })
}

function versionSection(v: NoticeVersionDoc, publisher: string): Array<Paragraph | Table> {
  return [
    heading(`第 ${v.version} 版${v.version === 1 ? '（首次发布）' : '（更正）'}`, 2),
    para(`发布时间：${when(v.publishedAt)}\u3000发布人：${publisher}`),
    ...(v.reason ? [para(`更正原因：${v.reason}`)] : []),
    para(`标题：${v.title}`, { bold: true }),
    ...bodyBlocks(v.body),
    para(v.attachments.length ? `附件：${v.attachments.map((a) => a.name).join('、')}` : '附件：无'),
  ]
}

export async function filingDocument(ctx: Ctx, n: NoticeDoc): Promise<Buffer> {
  const [versions, objections, split] = await Promise.all([
    collectAll<NoticeVersionDoc>(ctx, COLLECTIONS.noticeVersions, { noticeId: n._id }, ['version', 'asc']),
    collectAll<NoticeObjectionDoc>(ctx, COLLECTIONS.noticeObjections, { noticeId: n._id }, ['raisedAt', 'asc']),
    readSplit(ctx, n._id),
  ])
  const _ = ctx.db.command
  const people = [...new Set([n.createdBy, ...versions.map((v) => v.publishedBy)])]
  const names = new Map((await collectAll<Pick<MemberDoc, '_id' | 'name'>>(ctx, COLLECTIONS.members, { _id: _.in(people) }, ['name', 'asc'], { _id: true, name: true })).map((m) => [m._id, m.name]))
  const memberCount = split.read.length + split.unread.length
  const rate = memberCount ? `${((split.read.length / memberCount) * 100).toFixed(1)}%` : '—'
  const answered = objections.filter((o) => o.answer).length
  const exporter = ctx.member?.name ?? ''

  const doc = new Document({
    creator: '教工之家', title: `${n.title}（备案）`,
    styles: { default: { document: { run: { font: FONT, size: 24 } } } },
    sections: [{
      children: [
        para('校务公开备案表', { bold: true, size: 36, center: true }),
        para(`导出时间：${when(ctx.now)}\u3000导出人：${exporter}`, { center: true }),
        heading('一、基本信息', 1),
        table(['项目', '内容'], [
          ['标题', n.title],
          ['类别', n.category],
          ['公开范围', n.visibility === 'public' ? '对外公开（所有人可见）' : '对内公开（仅会员可见）'],
          ['状态', STATE[n.state]],
          ['起草人', names.get(n.createdBy) ?? '—'],
          ['首次发布时间', when(n.publishedAt)],
          ['当前版本', `第 ${n.version} 版（已更正 ${n.correctionCount} 次）`],
          ['公示期', n.publicityStart && n.publicityEnd ? `${when(n.publicityStart)} 至 ${when(n.publicityEnd)}` : '无'],
          ...(n.state === 'withdrawn' ? [['撤回时间', when(n.withdrawnAt)], ['撤回原因', n.withdrawReason ?? '']] : []),
        ]),
        heading('二、版本记录', 1),
        para(`共 ${versions.length} 个版本，已发布的版本均保留原文，未作任何修改。`),
        ...versions.flatMap((v) => versionSection(v, names.get(v.publishedBy) ?? '—')),
        heading('三、阅读统计', 1),
        para(`应读人数（现有会员）：${memberCount} 人；已读：${split.read.length} 人；未读：${split.unread.length} 人；阅读率：${rate}。`),
        heading('未读名单', 2),
        split.unread.length ? table(['序号', '姓名', '部门'], split.unread.map((m, i) => [String(i + 1), m.name, m.department])) : para('无（全部会员均已阅读）'),
        heading('已读名单（首次阅读时间）', 2),
        split.read.length ? table(['序号', '姓名', '部门', '首次阅读时间'], split.read.map((m, i) => [String(i + 1), m.name, m.department, when(m.firstReadAt)])) : para('无'),
        heading('四、异议记录', 1),
        para(n.publicityStart ? `公示期内共收到异议 ${objections.length} 条，已答复 ${answered} 条。` : '本公告未设公示期。'),
        ...(objections.length ? [table(['序号', '提出人', '部门', '提出时间', '异议内容', '答复', '答复时间'],
          objections.map((o, i) => [String(i + 1), o.name, o.department, when(o.raisedAt), o.text, o.answer ?? '（未答复）', when(o.answeredAt)]))] : []),
        para(''),
        para('工会主席（签字）：＿＿＿＿＿＿\u3000\u3000日期：＿＿＿＿＿＿'),
      ],
    }],
  })
  return Packer.toBuffer(doc)
}

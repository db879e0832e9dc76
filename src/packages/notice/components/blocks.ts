import type { NoticeBlock } from '../../../../types/notice'

/**
 * The editor's form of a body block: lists and tables are edited as plain lines (one item or row
 * per line, table cells separated by ｜ or |), which is easy on a phone keyboard.
 */
export type EditBlock =
  | { type: 'paragraph'; text: string; bold: boolean }
  | { type: 'heading'; text: string }
  | { type: 'list'; ordered: boolean; lines: string }
  | { type: 'table'; lines: string }
  | { type: 'image'; fileId: string; caption: string; preview?: string }

const lines = (text: string) => text.split('\n').map((l) => l.trim()).filter(Boolean)
const cells = (line: string) => line.split(/[|｜]/).map((c) => c.trim())

export function toEdit(block: NoticeBlock): EditBlock {
  switch (block.type) {
    case 'paragraph': return { type: 'paragraph', text: block.text, bold: block.bold ?? false }
    case 'heading': return { type: 'heading', text: block.text }
    case 'list': return { type: 'list', ordered: block.ordered, lines: block.items.join('\n') }
    case 'table': return { type: 'table', lines: [block.header, ...block.rows].map((r) => r.join(' | ')).join('\n') }
    case 'image': return { type: 'image', fileId: block.fileId, caption: block.caption ?? '' }
  }
}

/** Back to stored blocks; empty blocks are dropped (the function refuses empty text). */
export function fromEdit(blocks: EditBlock[]): NoticeBlock[] {
  return blocks.flatMap((b): NoticeBlock[] => {
    switch (b.type) {
      case 'paragraph': return b.text.trim() ? [b.bold ? { type: 'paragraph', text: b.text.trim(), bold: true } : { type: 'paragraph', text: b.text.trim() }] : []
      case 'heading': return b.text.trim() ? [{ type: 'heading', text: b.text.trim() }] : []
      case 'list': return lines(b.lines).length ? [{ type: 'list', ordered: b.ordered, items: lines(b.lines) }] : []
      case 'table': {
        const [header, ...rows] = lines(b.lines).map(cells)
        return header ? [{ type: 'table', header, rows }] : []
      }
      case 'image': return [b.caption.trim() ? { type: 'image', fileId: b.fileId, caption: b.caption.trim() } : { type: 'image', fileId: b.fileId }]
    }
  })
}

export const BLOCK_LABELS: Record<EditBlock['type'], string> = { paragraph: '段落', heading: '小标题', list: '列表', table: '表格', image: '图片' }

export function emptyBlock(type: Exclude<EditBlock['type'], 'image'>): EditBlock {
  switch (type) {
    case 'paragraph': return { type, text: '', bold: false }
    case 'heading': return { type, text: '' }
    case 'list': return { type, ordered: true, lines: '' }
    case 'table': return { type, lines: '' }
  }
}

/**
 * Where the app uploads a notice file: the staging folder `uploads/notice/` under a random name
 * (no user, no time). The function checks the file and moves it to its permanent, content-named
 * place; the staging copy is then deleted.
 */
export function noticeCloudPath(name: string): string {
  const ext = (/\.([a-z0-9]{1,5})$/i.exec(name)?.[1] ?? 'bin').toLowerCase()
  let random = ''
  while (random.length < 24) random += Math.random().toString(36).slice(2)
  return `uploads/notice/${random.slice(0, 24)}.${ext}`
}

import { fireEvent, render, screen, waitFor } from '@testing-library/react'
import { NoticeBody } from '@/components/notice/NoticeBody'
import { Attachments } from '@/components/notice/Attachments'
import { fromEdit, toEdit } from '../../src/packages/notice/components/blocks'
import type { NoticeBlock } from '../../types/notice'

jest.mock('@tarojs/components', () => require('./support/taro-components'))
jest.mock('@tarojs/taro', () => require('./support/taro'))
const openFile = jest.fn(async () => {})
jest.mock('@/services/files', () => ({ files: { openFile: (...args: unknown[]) => (openFile as any)(...args) } }))
const fileLink = jest.fn()
jest.mock('@/components/notice/api', () => ({ noticeApi: { file: (...args: unknown[]) => fileLink(...args) } }))

describe('NoticeBody', () => {
  it('renders headings, bold paragraphs, numbered lists and tables as text', () => {
    const { container } = render(<NoticeBody blocks={[
      { type: 'heading', text: '一、体检对象' },
      { type: 'paragraph', text: '校工会', bold: true },
      { type: 'list', ordered: true, items: ['禁食禁水', '携带身份证'] },
      { type: 'table', header: ['日期', '部门'], rows: [['第一天', '语文组']] },
    ]} />)
    expect(screen.getByText('一、体检对象').className).toContain('notice-body__heading')
    expect(screen.getByText('校工会').className).toContain('notice-body__para--bold')
    expect(screen.getByText('2.')).toBeTruthy()
    expect(container.querySelectorAll('[role="row"]')).toHaveLength(2)
    expect(screen.getByText('语文组')).toBeTruthy()
  })

  it('shows markup a writer typed as plain text: nothing runs and nothing links', () => {
    const { container } = render(<NoticeBody blocks={[{ type: 'paragraph', text: '<script>alert(1)</script><a href="javascript:alert(2)">点我</a>' }]} />)
    expect(container.querySelector('script')).toBeNull()
    expect(container.querySelector('a')).toBeNull()
    expect(container.textContent).toContain('<script>alert(1)</script>')
  })

  it('says so when an image link is missing instead of showing a broken image', () => {
    render(<NoticeBody blocks={[{ type: 'image', caption: '合影' }]} />)
    expect(screen.getByText('（图片暂时无法显示）')).toBeTruthy()
    expect(screen.getByText('合影')).toBeTruthy()
  })

  it('says an image is damaged (its bytes no longer match) rather than showing anything', () => {
    render(<NoticeBody blocks={[{ type: 'image', damaged: true }]} />)
    expect(screen.getByText('（图片已损坏，已报告工会主席）')).toBeTruthy()
  })
})

describe('Attachments', () => {
  it('asks the function for a checked link to the version shown, then opens it under its name', async () => {
    fileLink.mockResolvedValue({ url: 'https://files.example/预算表.pdf', name: '预算表.pdf', kind: 'pdf' })
    render(<Attachments noticeId='n1' version={2} list={[{ name: '预算表.pdf', size: 2048, kind: 'pdf' }]} />)
    expect(screen.getByText('附件（1）')).toBeTruthy()
    expect(screen.getByText('2 KB')).toBeTruthy()
    fireEvent.click(screen.getByText('预算表.pdf'))
    await waitFor(() => expect(openFile).toHaveBeenCalledWith('https://files.example/预算表.pdf', '预算表.pdf'))
    expect(fileLink).toHaveBeenCalledWith('n1', 0, 2)
  })
})

describe('editor blocks', () => {
  it('round-trips every block type and drops empty ones', () => {
    const body: NoticeBlock[] = [
      { type: 'heading', text: '标题' },
      { type: 'paragraph', text: '正文', bold: true },
      { type: 'list', ordered: false, items: ['甲', '乙'] },
      { type: 'table', header: ['姓名', '部门'], rows: [['刘芳', '语文组']] },
      { type: 'image', fileId: 'cloud://env.x/uploads/notice/abcdefgh12.png', caption: '图' },
    ]
    expect(fromEdit(body.map(toEdit))).toEqual(body)
    expect(fromEdit([{ type: 'paragraph', text: '  ', bold: false }, { type: 'list', ordered: true, lines: '\n\n' }])).toEqual([])
  })

  it('reads table lines with either bar as the cell separator', () => {
    expect(fromEdit([{ type: 'table', lines: '项目｜金额\n会费 | 100\n' }])).toEqual([{ type: 'table', header: ['项目', '金额'], rows: [['会费', '100']] }])
  })
})

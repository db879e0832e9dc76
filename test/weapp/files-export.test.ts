/**
 * Exports open under the name the function gives, not the storage URL's hash: the weapp build
 * downloads to the user data folder as 会员名册….xlsx and opens that file in WeChat's viewer.
 */
import { loadPage } from './support/load-page'
import { checked, cloud, hexId, page } from './support/fixtures'
import { directoryOutput, exportOutput } from '../../types/member'

const FILE_NAME = '会员名册-2026-11-22.xlsx'
const exported = checked(exportOutput, { url: `https://7a6a-jgzj-1234567890.tcb.qcloud.la/exports/${hexId('export')}-1796151408377.xlsx?sign=abc&t=1796151408`, fileName: FILE_NAME, rows: 2 })
const members = checked(directoryOutput, page([
  { id: hexId('张明'), name: '张明', department: '语文组', status: '在职', role: 'member' },
  { id: hexId('陈桂兰'), name: '陈桂兰', department: '退休教师', status: '离退休', role: 'member' },
]))

describe('会员名册 export on the weapp build', () => {
  it('saves the Excel file under the function’s file name and opens that file', async () => {
    const p = await loadPage('packages/member/pages/directory/index', cloud('chair', {
      'member.departments': { departments: ['语文组', '退休教师'] },
      'member.directory': members,
      'member.exportDirectory': exported,
    }))
    await p.waitFor(() => p.text().includes('陈桂兰'), 'the directory')
    await p.tap('.app-button', '导出 Excel')
    await p.waitFor(() => p.wx.openDocument.mock.calls.length > 0, 'the document to open')

    const download = p.wx.downloadFile.mock.calls[0][0]
    expect(download.url).toBe(exported.url)
    expect(download.filePath).toBe(`wxfile://usr/${FILE_NAME}`)
    expect(p.wx.openDocument.mock.calls[0][0]).toMatchObject({ filePath: `wxfile://usr/${FILE_NAME}`, fileType: 'xlsx', showMenu: true })
  })
})

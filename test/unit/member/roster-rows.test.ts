import { checkRosterRows, parseBirthday } from '../../../cloudfunctions/member/roster-rows'
import { parseCsv } from '../../../cloudfunctions/member/roster-file'
import type { RawRow } from '../../../cloudfunctions/member/roster-file'

const row = (line: number, cells: Record<string, string>): RawRow => ({ line, cells })
const good = { 姓名: '张三', 部门: '语文组', 工号: 'JG001', 状态: '在职' }

describe('roster rows', () => {
  it('accepts the common column names and birthday spellings', () => {
    const { rows, bad } = checkRosterRows([
      row(2, { ...good, 性别: '男', 出生日期: '1975/3/8', 手机号: '139 5712 0001' }),
      row(3, { 姓名: '李四', 科室: '后勤处', 教工号: 'JG002', 人员状态: '退休', 生日: '12-31' }),
    ])
    expect(bad).toEqual([])
    expect(rows).toEqual([
      { name: '张三', department: '语文组', staffNo: 'JG001', status: '在职', gender: '男', birthday: '03-08', birthYear: 1975, phone: '13957120001' },
      { name: '李四', department: '后勤处', staffNo: 'JG002', status: '离退休', birthday: '12-31' },
    ])
  })

  it('lists every bad row with its line and every reason', () => {
    const { bad } = checkRosterRows([
      row(2, good),
      row(3, { 姓名: '', 部门: '', 工号: 'JG009', 状态: '兼职' }),
      row(4, { ...good, 工号: 'JG010', 性别: '未知', 生日: '02-30', 手机: '12345' }),
    ])
    expect(bad).toEqual([
      { row: 3, reason: '缺少姓名；缺少部门；状态应为"在职"或"离退休"' },
      { row: 4, reason: '性别应为"男"或"女"；生日"02-30"看不懂，请写成 1975-03-08 或 03-08；手机号"12345"应为 11 位数字' },
    ])
  })

  it('reports a repeated staff number against the line it first appeared on', () => {
    const { bad } = checkRosterRows([row(2, good), row(3, { ...good, 姓名: '王五' })])
    expect(bad).toEqual([{ row: 3, reason: '工号 JG001 与第 2 行重复' }])
  })

  it('refuses an empty file with a message that explains the layout', () => {
    expect(checkRosterRows([]).bad[0].reason).toContain('表头')
  })

  it.each([
    ['1965-03-08', { birthday: '03-08', birthYear: 1965 }],
    ['19650308', { birthday: '03-08', birthYear: 1965 }],
    ['1965年3月8日', { birthday: '03-08', birthYear: 1965 }],
    ['3月8日', { birthday: '03-08' }],
    ['02-29', { birthday: '02-29' }],
    ['13-01', null],
    ['1800-01-01', null],
    ['明天', null],
  ])('reads the birthday %s', (text, expected) => {
    expect(parseBirthday(text)).toEqual(expected)
  })
})

describe('CSV', () => {
  it('keeps commas, quotes and line breaks inside quoted fields', () => {
    expect(parseCsv('姓名,备注\r\n张三,"语文组,""骨干""\n教师"\r\n')).toEqual([['姓名', '备注'], ['张三', '语文组,"骨干"\n教师']])
  })
})

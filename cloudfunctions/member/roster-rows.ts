/**
 * Checks roster rows: every bad row is reported with its line and reason, and the import
 * writes nothing unless every row is good. Pure: no database.
 */
import type { MemberStatus } from '../../types/role'
import type { RosterDoc } from '../_shared/documents'
import type { RawRow } from './roster-file'

/** A checked roster row, as stored (without the batch it belongs to). */
export type RosterRow = Omit<RosterDoc, '_id' | 'batchId'>

/** Column names people actually use, for each field. */
const COLUMNS: Record<keyof Omit<RosterRow, 'birthYear'>, string[]> = {
  name: ['姓名', '名字'],
  department: ['部门', '科室', '年级组', '部门/年级组'],
  staffNo: ['工号', '教工号', '职工号', '编号'],
  status: ['状态', '在职状态', '人员状态', '在职/离退休'],
  gender: ['性别'],
  birthday: ['生日', '出生日期', '出生年月日'],
  phone: ['手机', '手机号', '手机号码', '电话', '联系电话'],
}

export const MAX_ROSTER_ROWS = 3000

function pick(cells: Record<string, string>, field: keyof typeof COLUMNS): string {
  for (const name of COLUMNS[field]) if (cells[name] !== undefined) return cells[name].trim()
  return ''
}

/** 1965-03-08, 1965/3/8, 19650308, 03-08, 3月8日 → { birthday: 'MM-DD', birthYear? } */
export function parseBirthday(text: string): { birthday: string; birthYear?: number } | null {
  const t = text.trim()
  let y: number | undefined
  let m: number
  let d: number
  let match = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(t) ?? /^(\d{4})(\d{2})(\d{2})$/.exec(t)
  if (match) {
    y = Number(match[1]); m = Number(match[2]); d = Number(match[3])
  } else {
    match = /^(\d{1,2})[-/.月](\d{1,2})日?$/.exec(t)
    if (!match) return null
    m = Number(match[1]); d = Number(match[2])
  }
  const days = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
  if (m < 1 || m > 12 || d < 1 || d > days[m - 1]) return null
  if (y !== undefined && (y < 1920 || y > 2020)) return null
  const birthday = `${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`
  return y === undefined ? { birthday } : { birthday, birthYear: y }
}

function status(text: string): MemberStatus | null {
  if (text === '在职') return '在职'
  if (['离退休', '退休', '离休'].includes(text)) return '离退休'
  return null
}

export interface RosterCheck {
  rows: RosterRow[]
  bad: Array<{ row: number; reason: string }>
}

export function checkRosterRows(raw: RawRow[]): RosterCheck {
  const bad: RosterCheck['bad'] = []
  if (raw.length === 0) return { rows: [], bad: [{ row: 1, reason: '文件里没有名册数据：第一行应是表头（姓名、部门、工号、状态…），下面每行一人' }] }
  if (raw.length > MAX_ROSTER_ROWS) return { rows: [], bad: [{ row: 1, reason: `一次最多导入 ${MAX_ROSTER_ROWS} 人，请分开导入` }] }
  const rows: RosterRow[] = []
  const firstLineOf = new Map<string, number>()
  for (const { line, cells } of raw) {
    const reasons: string[] = []
    const name = pick(cells, 'name')
    const department = pick(cells, 'department')
    const staffNo = pick(cells, 'staffNo')
    const st = status(pick(cells, 'status'))
    const genderText = pick(cells, 'gender')
    const birthdayText = pick(cells, 'birthday')
    const phone = pick(cells, 'phone').replace(/[\s-]/g, '')
    if (!name) reasons.push('缺少姓名')
    else if (name.length > 20) reasons.push('姓名过长')
    if (!department) reasons.push('缺少部门')
    if (!staffNo) reasons.push('缺少工号')
    else if (!/^[0-9A-Za-z-]{1,20}$/.test(staffNo)) reasons.push(`工号"${staffNo}"只能是字母和数字`)
    else if (firstLineOf.has(staffNo)) reasons.push(`工号 ${staffNo} 与第 ${firstLineOf.get(staffNo)} 行重复`)
    else firstLineOf.set(staffNo, line)
    if (!st) reasons.push('状态应为"在职"或"离退休"')
    if (genderText && genderText !== '男' && genderText !== '女') reasons.push('性别应为"男"或"女"')
    const birth = birthdayText ? parseBirthday(birthdayText) : null
    if (birthdayText && !birth) reasons.push(`生日"${birthdayText}"看不懂，请写成 1975-03-08 或 03-08`)
    if (phone && !/^1\d{10}$/.test(phone)) reasons.push(`手机号"${phone}"应为 11 位数字`)
    if (reasons.length) {
      bad.push({ row: line, reason: reasons.join('；') })
      continue
    }
    rows.push({
      name, department, staffNo, status: st!,
      ...(genderText ? { gender: genderText as '男' | '女' } : {}),
      ...(birth ?? {}),
      ...(phone ? { phone } : {}),
    })
  }
  return { rows, bad }
}

import type { InputIssue } from '../../types/result'

/** Chinese names for input fields, so a BAD_INPUT message reads as a sentence, not a path. */
const FIELD_LABELS: Record<string, string> = {
  action: '操作',
  page: '页码',
  keyword: '搜索词',
  category: '分类',
  year: '年份',
  title: '标题',
  body: '正文',
  text: '内容',
  reason: '原因',
  name: '姓名',
  department: '部门',
  status: '在职状态',
  phone: '手机号',
  amount: '金额',
  cash: '金额',
  date: '日期',
  visibility: '公开范围',
  capacity: '名额',
  images: '图片',
  code: '回执码',
  question: '问题',
  answer: '答复',
  rating: '评价',
  dueDays: '办理期限',
  assigneeId: '承办委员',
  staffNo: '工号',
  birthday: '生日',
  gender: '性别',
  invite: '邀请码',
  memberId: '会员',
  role: '身份',
  days: '有效天数',
  maxUses: '使用次数',
  fileName: '文件名',
  fileId: '文件',
}

interface RawIssue {
  code: string
  path: PropertyKey[]
  message: string
  input?: unknown
  maximum?: unknown
  minimum?: unknown
  origin?: string
}

/** Labels an action adds or overrides, keyed by field name or by dotted path (`gifts.name`). */
export type FieldLabels = Readonly<Record<string, string>>

/**
 * The field as the form names it: the action's own label for the dotted path, then for the
 * field name, then the shared list. An unlabelled field falls back to its key — the input-message
 * test walks every action's schema and fails on that, so every form field gets a Chinese name.
 */
export function label(path: ReadonlyArray<PropertyKey>, labels: FieldLabels = {}): string {
  const named = [...path].reverse().find((p) => typeof p === 'string') as string | undefined
  if (named === undefined) return path.length ? `第 ${Number(path[path.length - 1]) + 1} 项` : '提交的内容'
  const dotted = path.filter((p) => typeof p === 'string').join('.')
  return labels[dotted] ?? labels[named] ?? FIELD_LABELS[named] ?? named
}

function describe(issue: RawIssue, labels: FieldLabels): string {
  const what = label(issue.path, labels)
  switch (issue.code) {
    case 'invalid_type':
      return issue.input === undefined ? `${what}必须填写` : `${what}的格式不对`
    case 'too_big':
      // An unbounded int's limit is Number.MAX_SAFE_INTEGER: never show that number to a person.
      if (typeof issue.maximum === 'number' && Math.abs(issue.maximum) > 1e12) return `${what}的数值太大`
      return issue.origin === 'string' ? `${what}最多 ${String(issue.maximum)} 个字` : issue.origin === 'array' ? `${what}最多 ${String(issue.maximum)} 项` : `${what}不能大于 ${String(issue.maximum)}`
    case 'too_small':
      if (typeof issue.minimum === 'number' && Math.abs(issue.minimum) > 1e12) return `${what}的数值太小`
      if (issue.origin === 'string') return Number(issue.minimum) <= 1 ? `${what}不能为空` : `${what}至少 ${String(issue.minimum)} 个字`
      return issue.origin === 'array' ? `${what}至少 ${String(issue.minimum)} 项` : `${what}不能小于 ${String(issue.minimum)}`
    case 'invalid_value':
    case 'invalid_union':
      return `${what}不是可选的值`
    case 'invalid_format':
      return `${what}的格式不对`
    case 'unrecognized_keys':
      return '提交了不认识的字段'
    case 'custom':
      // A refinement's message says what is wrong; the field it belongs to is named first.
      return issue.message.startsWith(what) ? issue.message : `${what}：${issue.message}`
    default:
      return `${what}不符合要求`
  }
}

/** Plain issues for the envelope (paths as strings) and one Chinese sentence for the person. */
export function formatIssues(raw: ReadonlyArray<RawIssue>, labels: FieldLabels = {}): { message: string; issues: InputIssue[] } {
  const issues = raw.map((i) => ({ path: i.path.map(String), message: describe(i, labels) }))
  const shown = issues.slice(0, 3).map((i) => i.message).join('；')
  return { message: `输入有误：${shown}${issues.length > 3 ? ' 等' : ''}。请修改后重试。`, issues }
}

import type { FieldLabels } from '../_shared/input-issues'

/**
 * Field names as the welfare forms show them (记录慰问, 更正, 登记完成, 新建慰问计划, 经费公开, 困难职工),
 * for BAD_INPUT messages. One list for every welfare action: a field means the same everywhere here.
 */
const WELFARE_LABELS: FieldLabels = {
  id: '慰问记录',
  requestId: '请求编号',
  revision: '记录版本',
  recipient: '受慰问人',
  'recipient.kind': '受慰问人类别',
  'recipient.memberId': '受慰问人',
  'recipient.name': '受慰问人姓名',
  'recipient.relation': '与学校的关系',
  reason: '慰问事由',
  state: '状态',
  visitDate: '慰问日期',
  visitorIds: '看望人',
  cashYuan: '慰问金',
  gifts: '慰问品',
  'gifts.name': '慰问品名称',
  'gifts.valueYuan': '慰问品价值',
  fund: '经费来源',
  notes: '备注',
  photos: '照片',
  followUpDays: '几天后提醒回访',
  correction: '更正原因',
  year: '年份',
  memberId: '会员',
  recipientName: '受慰问人姓名',
  planId: '慰问计划',
  page: '页码',
  withSummary: '同时读取汇总',
  keyword: '搜索词',
  kind: '人员类别',
  hardship: '困难职工',
  note: '说明',
  filter: '慰问对象',
  'filter.retirees': '全体离退休',
  'filter.hardship': '困难职工',
  'filter.departments': '部门',
  title: '标题',
  plannedDate: '计划日期',
  excludeIds: '移出名单的人',
  from: '开始日期',
  to: '结束日期',
  visibility: '公开范围',
  namedReasons: '公开姓名的事由',
  publicity: '公示期',
  'publicity.startDate': '公示开始日期',
  'publicity.endDate': '公示结束日期',
}

/** The shared names, with an action's own where its form says something else (取消原因, 计划名称 …). */
export function welfareLabels(own: FieldLabels = {}): FieldLabels {
  return { ...WELFARE_LABELS, ...own }
}

/**
 * Field names as the member forms show them, for BAD_INPUT messages (dispatch `labels`). The
 * shared list (_shared/input-issues.ts) covers name, department, staffNo …; these are the rest.
 */
import type { FieldLabels } from '../_shared/input-issues'

export const MEMBER_LABELS: FieldLabels = {
  birthYear: '出生年份',
  code: '邀请码',
  invite: '邀请码',
  groupCloudId: '教职工群',
  requestId: '请求编号',
  revision: '资料版本',
  note: '备注',
  autoApprove: '直接通过',
  departments: '部门列表',
  reason: '原因',
  withChanges: '同时读取资料变更申请',
  withDepartments: '同时读取部门列表',
}

export const SETUP_LABELS: FieldLabels = { ...MEMBER_LABELS, code: '设置码' }

export const JOIN_SWITCH_LABELS: FieldLabels = { group: '从教职工群加入', invite: '凭邀请码加入', roster: '与名册一致自动通过' }

export const CHANGE_LABELS: FieldLabels = { ...MEMBER_LABELS, reason: '变更原因', id: '变更申请', approve: '是否同意', note: '不同意的原因' }

export const AUDIT_LABELS: FieldLabels = { action: '操作类型', area: '范围', actorId: '操作人', targetId: '操作对象', from: '开始日期', to: '结束日期' }

import { verifiedFieldLabels, verifiedFields, type ChangeSet } from '../../../types/member'

/** "姓名改为 林晓雨、状态改为 离退休" — a change request in words (profile and the chair's list). */
export function describeChanges(changes: ChangeSet, current?: ChangeSet): string {
  return verifiedFields
    .filter((f) => changes[f] !== undefined)
    .map((f) => (current?.[f] !== undefined ? `${verifiedFieldLabels[f]}从 ${current[f] || '未填'} 改为 ${changes[f]}` : `${verifiedFieldLabels[f]}改为 ${changes[f]}`))
    .join('、')
}

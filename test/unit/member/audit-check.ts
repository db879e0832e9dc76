/**
 * What an audit sentence must never show: JSON, a field key, an id or a hash. Latin words are
 * allowed only where a person typed or was given them (a title, a file name, an invite code, a note).
 */
import type { AuditRecord } from '../../../cloudfunctions/_shared/audit-sentences'
import { latinWords } from '../../support/input-walk'

function textsIn(value: unknown, out: string[] = []): string[] {
  if (typeof value === 'string') out.push(value)
  else if (Array.isArray(value)) value.forEach((v) => textsIn(v, out))
  else if (value && typeof value === 'object') Object.values(value).forEach((v) => textsIn(v, out))
  return out
}

function keysIn(value: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(value)) value.forEach((v) => keysIn(v, out))
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      out.add(k)
      keysIn(v, out)
    }
  }
  return out
}

/** Every way `text` (the sentence for `e`) fails its promise; empty when it reads as a person would say it. */
export function sentenceProblems(e: AuditRecord, text: string, unnamed: string[] = []): string[] {
  const problems: string[] = []
  if (unnamed.length) problems.push(`fields without a Chinese name: ${unnamed.join(', ')}`)
  if (/[{}[\]"]|\\u|":/.test(text)) problems.push('looks like JSON')
  if (/\b[0-9a-f]{16,}\b/i.test(text)) problems.push('shows a hash or database id')
  if (!(e.target.label ?? '').includes(e.target.id) && e.target.id.length > 3 && text.includes(e.target.id)) problems.push(`shows the target id ${e.target.id}`)
  const typed = [e.target.label ?? '', e.note ?? '', ...textsIn(e.before), ...textsIn(e.after)].join(' ')
  const keys = keysIn([e.before, e.after])
  for (const w of latinWords(text)) {
    if (keys.has(w)) problems.push(`shows the field key ${w}`)
    else if (!typed.includes(w)) problems.push(`shows the Latin word ${w}`)
  }
  if (/undefined|null|NaN|\[object/.test(text)) problems.push('shows a programming value')
  return problems
}

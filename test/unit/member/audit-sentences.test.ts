/**
 * The audit log reads as sentences: for every action any function records, the sentence names
 * people (never ids), fields in Chinese, money in 元, and shows no JSON, key or hash.
 */
import fs from 'node:fs'
import path from 'node:path'
import { PHRASES, sentence } from '../../../cloudfunctions/_shared/audit-sentences'
import { SAMPLES } from './audit-samples'
import { sentenceProblems } from './audit-check'

const NAMES = new Map([['b4e19d2f6c8e5f3a9b7d1c2e3f4a5b6c', '李晓梅']])

/** Every action literal recorded anywhere in cloudfunctions/ (recordAudit callers and the opinion helper). */
function recordedActions(): string[] {
  const root = path.join(__dirname, '../../../cloudfunctions')
  const found = new Set<string>()
  // every function's actions (a new domain is covered the day its folder appears), plus failed sends
  const domains = [...fs.readdirSync(root).filter((d) => !d.startsWith('_')), 'notify'].join('|')
  const actionLiteral = new RegExp(`'((?:${domains})\\.[A-Za-z]+)'`, 'g')
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const file = path.join(dir, entry.name)
      if (entry.isDirectory()) walk(file)
      else if (file.endsWith('.ts') && !/_shared[\\/]audit-/.test(file)) {
        const text = fs.readFileSync(file, 'utf8').replace(/createdId\([^)]*\)/g, '')
        if (!/recordAudit|audit\(|NOTIFY_FAILED_ACTION/.test(text)) continue
        for (const m of text.matchAll(actionLiteral)) found.add(m[1])
        for (const m of text.matchAll(/audit\(ctx, o, '([A-Za-z]+)'/g)) found.add(`opinion.${m[1]}`)
      }
    }
  }
  walk(root)
  return [...found].sort()
}

describe('audit log sentences', () => {
  it('has a phrase and a sample for every action the functions record', () => {
    const sampled = new Set(SAMPLES.map((s) => s.action))
    const missing = recordedActions().filter((a) => !(a in PHRASES) || !sampled.has(a))
    expect(missing).toEqual([])
  })

  it.each(SAMPLES.map((s) => [`${s.action}${s.note ? ` (${s.note.slice(0, 8)})` : ''}`, s] as const))('%s reads as a sentence without JSON, keys or ids', (_name, e) => {
    const { text, unnamed } = sentence(e, NAMES)
    expect({ text, problems: sentenceProblems(e, text, unnamed) }).toEqual({ text, problems: [] })
    expect(text.startsWith(`${e.actorName} `)).toBe(true)
    expect(text.endsWith('。')).toBe(true)
  })

  it('writes money in 元 with the brief’s shape', () => {
    const e = SAMPLES.find((s) => s.action === 'welfare.correct')!
    expect(sentence({ ...e, note: '多记了 200 元' }, NAMES).text).toBe('李晓梅 把 蒋文华 的慰问金 从 500.00 元 改为 300.00 元，原因：多记了 200 元。')
  })

  it('names the person behind an id and says what a role change means', () => {
    expect(sentence(SAMPLES.find((s) => s.action === 'member.setRole')!, NAMES).text).toBe('王建华 把 张明 的身份 从 会员 改为 委员。')
    expect(sentence(SAMPLES.find((s) => s.action === 'welfare.record')!, NAMES).text).toContain('慰问人：李晓梅')
  })

  it('says that a removed member came back as a plain member', () => {
    expect(sentence(SAMPLES.find((s) => s.action === 'member.rejoin')!, NAMES).text).toBe('郭伟 曾被移除，通过“与名册一致”重新加入工会，身份为普通会员。')
  })

  it('fails for a field nobody named (so a new field is seen in review, not shown raw)', () => {
    const { unnamed, text } = sentence({ action: 'member.update', actorName: '王建华', target: { kind: 'member', id: 'x', label: '张明' }, before: { shoeSize: 40 }, after: { shoeSize: 41 } }, NAMES)
    expect(unnamed).toEqual(['shoeSize'])
    expect(text).not.toContain('shoeSize')
  })
})

/**
 * Text a person can type, checked before any schema runs: no NUL or other C0 control characters
 * besides tab and line breaks, no lone UTF-16 surrogates (neither can be stored or shown; the
 * database refused them with an internal error), and no nesting deeper than any form sends.
 * Keys are checked like values. Returns the path of the first bad string, or null.
 */
const MAX_DEPTH = 12

// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]/
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/

export function hasUnstorableText(s: string): boolean {
  return CONTROL.test(s) || LONE_SURROGATE.test(s)
}

export type TextProblem = { path: string[]; kind: 'character' | 'depth' }

/** Walks the input iteratively (a hostile body cannot overflow the stack). */
export function findTextProblem(input: unknown): TextProblem | null {
  const stack: Array<{ value: unknown; path: string[] }> = [{ value: input, path: [] }]
  while (stack.length) {
    const { value, path } = stack.pop()!
    if (typeof value === 'string') {
      if (hasUnstorableText(value)) return { path, kind: 'character' }
      continue
    }
    if (!value || typeof value !== 'object') continue
    if (path.length >= MAX_DEPTH) return { path, kind: 'depth' }
    for (const [key, child] of Object.entries(value as Record<string, unknown>)) {
      if (hasUnstorableText(key)) return { path, kind: 'character' }
      stack.push({ value: child, path: [...path, key] })
    }
  }
  return null
}

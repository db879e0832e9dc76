/**
 * Static checks of shipped JavaScript: does it parse at a given ECMAScript edition, and does it
 * touch `globalThis` without first asking whether it exists (iOS < 12.2 JavaScriptCore has none).
 */
import * as acorn from 'acorn'
import * as walk from 'acorn-walk'

export interface SyntaxProblem {
  file: string
  line: number
  column: number
  message: string
  excerpt: string
}

function excerpt(code: string, pos: number): string {
  return code.slice(Math.max(0, pos - 60), pos + 60).replace(/\s+/g, ' ')
}

/** null when `code` parses as a script of `ecmaVersion`; otherwise where and why it does not. */
export function parseProblem(file: string, code: string, ecmaVersion: acorn.ecmaVersion): SyntaxProblem | null {
  try {
    acorn.parse(code, { ecmaVersion, sourceType: 'script', allowHashBang: false, locations: true })
    return null
  } catch (err) {
    const e = err as SyntaxError & { pos?: number; loc?: { line: number; column: number } }
    return { file, line: e.loc?.line ?? 0, column: e.loc?.column ?? 0, message: e.message, excerpt: excerpt(code, e.pos ?? 0) }
  }
}

/** Is `node` (somewhere below a test of `typeof globalThis`) guarded? */
function mentionsTypeofGlobalThis(node: acorn.Node): boolean {
  let found = false
  walk.simple(node, {
    UnaryExpression(n: any) {
      if (n.operator === 'typeof' && n.argument.type === 'Identifier' && n.argument.name === 'globalThis') found = true
    },
  })
  return found
}

/**
 * Every read of the free identifier `globalThis` that is not `typeof globalThis` itself and not
 * inside a branch (`?:`, `&&`, `||`, `if`) whose test checks `typeof globalThis`.
 */
export function unguardedGlobalThis(file: string, code: string, ecmaVersion: acorn.ecmaVersion = 'latest'): SyntaxProblem[] {
  if (!code.includes('globalThis')) return []
  const ast = acorn.parse(code, { ecmaVersion, sourceType: 'script', locations: true })
  const problems: SyntaxProblem[] = []
  walk.ancestor(ast, {
    Identifier(node: any, _state: unknown, ancestors: any[]) {
      if (node.name !== 'globalThis') return
      const parent = ancestors[ancestors.length - 2]
      if (parent?.type === 'UnaryExpression' && parent.operator === 'typeof') return
      if (parent?.type === 'MemberExpression' && parent.property === node && !parent.computed) return
      if (parent?.type === 'Property' && parent.key === node && !parent.computed) return
      const guarded = ancestors.slice(0, -1).some((a, i) => {
        const child = ancestors[i + 1]
        if (a.type === 'ConditionalExpression' || a.type === 'IfStatement') return child !== a.test && mentionsTypeofGlobalThis(a.test)
        if (a.type === 'LogicalExpression') return child === a.right && mentionsTypeofGlobalThis(a.left)
        return false
      })
      if (!guarded) {
        problems.push({ file, line: node.loc.start.line, column: node.loc.start.column, message: 'globalThis used without a typeof guard', excerpt: excerpt(code, node.start) })
      }
    },
  })
  return problems
}

export const describeProblem = (p: SyntaxProblem) => `${p.file}:${p.line}:${p.column} ${p.message}\n    …${p.excerpt}…`

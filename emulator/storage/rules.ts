/**
 * The cloud storage security rules (cloudfunctions/_database/storage-rules.json), evaluated as the
 * cloud evaluates them for a client request: `auth` is the caller ({ openid }) or null, `resource`
 * the file ({ openid: its uploader — the caller for a new file —, path }). The same file is pasted
 * into the production console, so the local cloud enforces exactly what production enforces.
 *
 * The expression language is the subset the rules use: `true false null`, strings, dotted names,
 * `== != && || !`, parentheses, and a regex literal's `.test(x)` (compared with `== true`, as the
 * docs require). An expression that fails to evaluate (e.g. `auth.openid` with no auth) denies.
 */
import fs from 'node:fs'
import path from 'node:path'

export const STORAGE_RULES_PATH = path.resolve(__dirname, '../../cloudfunctions/_database/storage-rules.json')

export interface RuleContext {
  auth: { openid: string } | null
  resource: { openid: string | null; path: string }
}

export type Operation = 'read' | 'write'

type Token = { kind: 'op' | 'name' | 'string' | 'regex' | 'literal'; text: string; value?: unknown }

function tokenize(src: string): Token[] {
  const out: Token[] = []
  let i = 0
  const prevAllowsRegex = () => !out.length || (out[out.length - 1].kind === 'op' && out[out.length - 1].text !== ')')
  while (i < src.length) {
    const c = src[i]
    if (/\s/.test(c)) { i++; continue }
    const two = src.slice(i, i + 2)
    if (['==', '!=', '&&', '||'].includes(two)) { out.push({ kind: 'op', text: two }); i += 2; continue }
    if ('()!.,'.includes(c)) { out.push({ kind: 'op', text: c }); i++; continue }
    if (c === '"' || c === "'") {
      let j = i + 1
      let text = ''
      while (j < src.length && src[j] !== c) { if (src[j] === '\\') j++; text += src[j++] }
      if (j >= src.length) throw new Error('unterminated string')
      out.push({ kind: 'string', text, value: text })
      i = j + 1
      continue
    }
    if (c === '/' && prevAllowsRegex()) {
      let j = i + 1
      let inClass = false
      while (j < src.length && (src[j] !== '/' || inClass)) {
        if (src[j] === '\\') j++
        else if (src[j] === '[') inClass = true
        else if (src[j] === ']') inClass = false
        j++
      }
      if (j >= src.length) throw new Error('unterminated regex')
      const body = src.slice(i + 1, j)
      let k = j + 1
      while (k < src.length && /[a-z]/.test(src[k])) k++
      out.push({ kind: 'regex', text: src.slice(i, k), value: new RegExp(body, src.slice(j + 1, k)) })
      i = k
      continue
    }
    const word = /^[A-Za-z_][A-Za-z0-9_]*/.exec(src.slice(i))?.[0]
    if (word) {
      if (word === 'true' || word === 'false' || word === 'null') out.push({ kind: 'literal', text: word, value: word === 'true' ? true : word === 'false' ? false : null })
      else out.push({ kind: 'name', text: word })
      i += word.length
      continue
    }
    throw new Error(`unexpected character ${c} in rule`)
  }
  return out
}

type Node =
  | { t: 'value'; value: unknown }
  | { t: 'name'; path: string[] }
  | { t: 'not'; arg: Node }
  | { t: 'binary'; op: string; left: Node; right: Node }
  | { t: 'test'; regex: RegExp; arg: Node }

function parse(src: string): Node {
  const tokens = tokenize(src)
  let pos = 0
  const peek = () => tokens[pos]
  const expect = (text: string) => {
    if (peek()?.text !== text) throw new Error(`expected ${text} in rule`)
    pos++
  }
  const binary = (ops: string[], next: () => Node) => (): Node => {
    let left = next()
    while (peek()?.kind === 'op' && ops.includes(peek().text)) {
      const op = tokens[pos++].text
      left = { t: 'binary', op, left, right: next() }
    }
    return left
  }
  const primary = (): Node => {
    const tok = tokens[pos++]
    if (!tok) throw new Error('rule ends too early')
    if (tok.kind === 'op' && tok.text === '!') return { t: 'not', arg: primary() }
    if (tok.kind === 'op' && tok.text === '(') { const inner = or(); expect(')'); return inner }
    if (tok.kind === 'literal' || tok.kind === 'string') return { t: 'value', value: tok.value }
    if (tok.kind === 'regex') {
      expect('.')
      if (tokens[pos++]?.text !== 'test') throw new Error('a regex is only used as /…/.test(x)')
      expect('(')
      const arg = or()
      expect(')')
      return { t: 'test', regex: tok.value as RegExp, arg }
    }
    if (tok.kind === 'name') {
      const names = [tok.text]
      while (peek()?.text === '.' && tokens[pos + 1]?.kind === 'name') { names.push(tokens[pos + 1].text); pos += 2 }
      return { t: 'name', path: names }
    }
    throw new Error(`unexpected ${tok.text} in rule`)
  }
  const equality = binary(['==', '!='], primary)
  const and = binary(['&&'], equality)
  const or = binary(['||'], and)
  const tree = or()
  if (pos !== tokens.length) throw new Error(`unexpected ${tokens[pos].text} in rule`)
  return tree
}

function evaluate(node: Node, ctx: RuleContext): unknown {
  switch (node.t) {
    case 'value': return node.value
    case 'name': {
      let v: any = ctx as unknown as Record<string, unknown>
      for (const name of node.path) {
        if (v === null || v === undefined) throw new Error(`${node.path.join('.')} of null`)
        v = v[name]
      }
      return v === undefined ? null : v
    }
    case 'not': return !evaluate(node.arg, ctx)
    case 'test': {
      const arg = evaluate(node.arg, ctx)
      if (typeof arg !== 'string') throw new Error('test() of a non-string')
      return node.regex.test(arg)
    }
    case 'binary': {
      if (node.op === '&&') return evaluate(node.left, ctx) === true && evaluate(node.right, ctx) === true
      if (node.op === '||') return evaluate(node.left, ctx) === true || evaluate(node.right, ctx) === true
      const l = evaluate(node.left, ctx)
      const r = evaluate(node.right, ctx)
      return node.op === '==' ? l === r : l !== r
    }
  }
}

export class StorageRules {
  private readonly compiled: Record<Operation, boolean | Node>

  constructor(rules: Partial<Record<Operation, boolean | string>>) {
    const compile = (rule: boolean | string | undefined) => (typeof rule === 'string' ? parse(rule) : rule === true)
    this.compiled = { read: compile(rules.read), write: compile(rules.write) }
  }

  static load(file = STORAGE_RULES_PATH): StorageRules {
    return new StorageRules(JSON.parse(fs.readFileSync(file, 'utf8')).rules)
  }

  /** True when the rules let a client do `op` on the resource; false when they deny or fail to evaluate. */
  allows(op: Operation, ctx: RuleContext): boolean {
    const rule = this.compiled[op]
    if (typeof rule === 'boolean') return rule
    try {
      return evaluate(rule, ctx) === true
    } catch {
      return false
    }
  }
}

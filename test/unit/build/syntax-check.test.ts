/** The checker itself: it must flag what would break on an old phone, and only that. */
import { parseProblem, unguardedGlobalThis } from './syntax-check'

describe('parseProblem', () => {
  it.each([
    ['optional chaining', 'var a = b?.c'],
    ['nullish coalescing', 'var a = b ?? c'],
    ['logical assignment', 'a ??= 1'],
    ['class fields', 'class A { x = 1 }'],
    ['object spread', 'var a = { ...b }'],
    ['async function', 'async function f() {}'],
    ['exponent operator', 'var a = 2 ** 3'],
    ['optional catch binding', 'try {} catch {}'],
  ])('refuses %s at ES2015', (_what, code) => {
    expect(parseProblem('x.js', code, 2015)).not.toBeNull()
  })

  it('accepts ES2015 (arrow functions, classes, let/const, templates, generators)', () => {
    expect(parseProblem('x.js', 'const f = (a) => `${a}`; class A { m() {} } function* g() { yield 1 } let [x] = [1]', 2015)).toBeNull()
  })

  it('names the file and line', () => {
    expect(parseProblem('pages/x.js', 'var a = 1\nvar b = a?.c', 2015)).toMatchObject({ file: 'pages/x.js', line: 2 })
  })
})

describe('unguardedGlobalThis', () => {
  it.each([
    ['a bare read', 'globalThis.__zod_globalConfig = {}'],
    ['a call', 'var g = globalThis; g.x = 1'],
    ['a branch whose test does not check it', 'var g = window ? globalThis : self'],
  ])('flags %s', (_what, code) => {
    expect(unguardedGlobalThis('x.js', code)).toHaveLength(1)
  })

  it.each([
    ['typeof itself', 'var t = typeof globalThis'],
    ['a conditional', 'var g = typeof globalThis !== "undefined" ? globalThis : {}'],
    ['a logical and', 'var g = typeof globalThis === "object" && globalThis'],
    ['an if statement', 'if (typeof globalThis !== "undefined") { globalThis.a = 1 }'],
    ['a property of the same name', 'var o = { globalThis: 1 }; o.globalThis = 2'],
  ])('accepts %s', (_what, code) => {
    expect(unguardedGlobalThis('x.js', code)).toEqual([])
  })
})

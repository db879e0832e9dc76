/**
 * The production weapp build runs on WeChat's engines (config/weapp-targets.js): every shipped
 * script parses at that ECMAScript edition, `globalThis` is never touched unguarded, the WXS
 * view scripts are ES5, and test hooks (data-testid) stay out of the phone build.
 */
import { distFiles, readDist } from './dist-files'
import { describeProblem, parseProblem, unguardedGlobalThis } from './syntax-check'
const { ECMASCRIPT_LEVEL, WXS_LEVEL } = require('../../../config/weapp-targets')

describe('the weapp build (dist/) on WeChat’s JavaScript engines', () => {
  const scripts = distFiles('.js')

  it('ships scripts at all', () => {
    expect(scripts).toEqual(expect.arrayContaining(['app.js', 'vendors.js', 'taro.js', 'pages/notices/index.js']))
  })

  it(`parses every dist/**/*.js as ES${ECMASCRIPT_LEVEL} (no ?. ?? ??= class fields async … left for the phone)`, () => {
    const problems = scripts.map((f) => parseProblem(f, readDist(f), ECMASCRIPT_LEVEL)).filter((p) => p !== null)
    expect(problems.map(describeProblem)).toEqual([])
  })

  it('never reads globalThis without checking typeof globalThis first', () => {
    const problems = scripts.flatMap((f) => unguardedGlobalThis(f, readDist(f)))
    expect(problems.map(describeProblem)).toEqual([])
  })

  it(`parses every .wxs view script as ES${WXS_LEVEL}`, () => {
    const problems = distFiles('.wxs').map((f) => parseProblem(f, readDist(f), WXS_LEVEL)).filter((p) => p !== null)
    expect(problems.map(describeProblem)).toEqual([])
  })

  it('carries no data-testid (test hooks exist only in the h5 build)', () => {
    const leaking = distFiles('.js', '.wxml', '.json').filter((f) => readDist(f).includes('data-testid'))
    expect(leaking).toEqual([])
  })
})

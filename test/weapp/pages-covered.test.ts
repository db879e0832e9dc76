/**
 * Every page of the production weapp build is rendered by some test: for each route in dist/app.json
 * (main package and every subpackage) some file under test/weapp/ calls `loadPage('<route>'`.
 * A page added to app.config.ts without a test fails here, by name.
 */
import fs from 'node:fs'
import path from 'node:path'
import { DIST } from './support/load-page'

interface AppJson {
  pages: string[]
  subPackages?: Array<{ root: string; pages: string[] }>
  subpackages?: Array<{ root: string; pages: string[] }>
}

function builtRoutes(): string[] {
  const file = path.join(DIST, 'app.json')
  if (!fs.existsSync(file)) throw new Error('dist/ is missing: run `npm run build:weapp` before the weapp tests')
  const app = JSON.parse(fs.readFileSync(file, 'utf8')) as AppJson
  const subs = app.subPackages ?? app.subpackages ?? []
  return [...app.pages, ...subs.flatMap((s) => s.pages.map((p) => `${s.root.replace(/\/$/, '')}/${p}`))]
}

function testFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name)
    if (e.isDirectory()) return testFiles(full)
    return /\.test\.tsx?$/.test(e.name) ? [full] : []
  })
}

/** Route literals passed as the first argument of loadPage(…) anywhere under test/weapp. */
function loadedRoutes(): Set<string> {
  const routes = new Set<string>()
  for (const file of testFiles(__dirname).filter((f) => f !== __filename)) {
    const source = fs.readFileSync(file, 'utf8')
    for (const m of source.matchAll(/loadPage\(\s*(['"`])([^'"`]+)\1/g)) routes.add(m[2].replace(/^\//, ''))
  }
  return routes
}

describe('every page of the weapp build is rendered by a test', () => {
  const routes = builtRoutes()

  it('reads the main package and the subpackages from dist/app.json', () => {
    expect(routes).toEqual(expect.arrayContaining(['pages/notices/index', 'pages/me/index']))
    expect(routes.some((r) => r.startsWith('packages/'))).toBe(true)
  })

  it('has a loadPage(\'<route>\' call under test/weapp/ for each of them', () => {
    const loaded = loadedRoutes()
    const missing = routes.filter((r) => !loaded.has(r))
    if (missing.length) {
      throw new Error(`${missing.length} of ${routes.length} pages are rendered by no test — add test/weapp/<domain>/<page>.test.ts calling loadPage('<route>', …) for:\n  ${missing.join('\n  ')}`)
    }
  })

  it('names no route that the build does not have (a renamed page leaves no stale test)', () => {
    const stale = [...loadedRoutes()].filter((r) => !routes.includes(r))
    expect(stale).toEqual([])
  })
})

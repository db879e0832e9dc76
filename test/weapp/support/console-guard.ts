/**
 * A page that logs an error fails its test. WeChat shows nothing for a console.error, so a page
 * can look fine in a test while its data never arrived: the app's call layer logs
 * `[call] <fn.action> schema: …` when a (canned) answer does not match the types/ schema the app
 * parses with, and React logs render errors with console.error. After each test, anything of the
 * kind that was logged and not expected with `allowLogs` throws, naming the lines.
 */
type Method = 'error' | 'warn'

/** console.warn lines that mean the page is broken (network/timeout warnings are tests' own doing). */
const BROKEN_WARNING = /^\[call\] \S+ (schema|unexpected):/

let logged: string[] = []
let allowed: RegExp[] = []

const text = (args: unknown[]) => args.map((a) => (a instanceof Error ? a.stack ?? a.message : typeof a === 'string' ? a : safeJson(a))).join(' ')

function safeJson(v: unknown): string {
  try {
    return JSON.stringify(v)
  } catch {
    return String(v)
  }
}

/** What the current test's page has logged so far that would fail it (for the harness's own test). */
export const loggedSoFar = (): readonly string[] => logged

/** Lets the current test log lines matching `patterns` (e.g. a test of the error state itself). */
export function allowLogs(...patterns: RegExp[]): void {
  allowed.push(...patterns)
}

function watch(method: Method): jest.SpyInstance {
  const original = console[method].bind(console)
  return jest.spyOn(console, method).mockImplementation((...args: unknown[]) => {
    const line = text(args)
    if (method === 'error' || BROKEN_WARNING.test(line)) logged.push(`console.${method}: ${line.slice(0, 600)}`)
    original(...args)
  })
}

let installed = false

/** Registers the before/after hooks once per test file (load-page.ts calls it on import). */
export function installConsoleGuard(): void {
  if (installed) return
  installed = true
  let spies: jest.SpyInstance[] = []
  beforeEach(() => {
    logged = []
    allowed = []
    spies = [watch('error'), watch('warn')]
  })
  afterEach(() => {
    const unexpected = logged.filter((line) => !allowed.some((p) => p.test(line)))
    for (const spy of spies) spy.mockRestore()
    if (unexpected.length) {
      throw new Error(`the page logged ${unexpected.length} error(s) — fix the page or the canned answer (types/ schema):\n  ${unexpected.join('\n  ')}`)
    }
  })
}

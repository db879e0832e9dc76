import fs from 'node:fs'
import path from 'node:path'

export interface TimerTrigger {
  name: string
  type: 'timer'
  /** WeChat's 7 fields: sec min hour day month week year (UTC+8) */
  config: string
}

/** A deployable function folder as scripts/build-functions.ts writes it. */
export interface FunctionBundle {
  name: string
  dir: string
  entry: string
  /** changes when the bundle is rebuilt; running instances of an older build are retired */
  version: number
  timeoutMs: number
  triggers: TimerTrigger[]
  /** config.json permissions.openapi: the cloud.openapi APIs this function may call */
  openapiPermissions: string[]
}

/** WeChat's default when config.json sets no timeout. */
export const DEFAULT_TIMEOUT_SECONDS = 3
const NAME = /^[A-Za-z][A-Za-z0-9_-]{0,59}$/

/** Finds `<dir>/<name>/index.js` in the first functions folder that has it. */
export function findBundle(dirs: string[], name: string): FunctionBundle | undefined {
  if (!NAME.test(name)) return undefined
  for (const root of dirs) {
    const dir = path.resolve(root, name)
    const entry = path.join(dir, 'index.js')
    let stat: fs.Stats
    try { stat = fs.statSync(entry) } catch { continue }
    const config = readConfig(dir, stat.mtimeMs)
    const timeout = Number(config.timeout)
    return {
      name,
      dir,
      entry,
      version: stat.mtimeMs,
      timeoutMs: (Number.isFinite(timeout) && timeout > 0 ? timeout : DEFAULT_TIMEOUT_SECONDS) * 1000,
      triggers: (Array.isArray(config.triggers) ? config.triggers : []).filter((t: TimerTrigger) => t?.type === 'timer'),
      openapiPermissions: Array.isArray(config.permissions?.openapi) ? config.permissions.openapi.map(String) : [],
    }
  }
  return undefined
}

/** Every function name across the folders (the first folder wins on a clash, as in findBundle). */
export function listBundles(dirs: string[]): FunctionBundle[] {
  const names = new Set<string>()
  for (const root of dirs) {
    if (!fs.existsSync(root)) continue
    for (const d of fs.readdirSync(root, { withFileTypes: true })) if (d.isDirectory()) names.add(d.name)
  }
  return [...names].sort().map((n) => findBundle(dirs, n)).filter((b): b is FunctionBundle => !!b)
}

const configs = new Map<string, { version: number; config: Record<string, any> }>()

/**
 * config.json as of the bundle's build (`version`, the entry's mtime): read once per build, not on every
 * invocation (the runner resolves the bundle per call; reading it each time showed in the profile).
 */
function readConfig(dir: string, version: number): Record<string, any> {
  const cached = configs.get(dir)
  if (cached?.version === version) return cached.config
  let config: Record<string, any>
  try {
    config = JSON.parse(fs.readFileSync(path.join(dir, 'config.json'), 'utf8'))
  } catch {
    config = {}
  }
  configs.set(dir, { version, config })
  return config
}

/**
 * Bundles every cloud function into the folder WeChat devtools uploads as is:
 *   cloudfunctions/<name>/index.ts               → build/cloudfunctions/<name>/
 *   test/fixtures/cloudfunctions/<name>/index.ts → build/test-cloudfunctions/<name>/
 * Each output folder holds index.js (cjs, node16, wx-server-sdk left external), package.json
 * (the runtime dependencies the cloud installs) and config.json (openapi permissions, timeout,
 * timer triggers). Folders starting with `_` hold shared code and the database manifest.
 * A function may list extra runtime dependencies in its own package.json; those stay external.
 *
 *   npx tsx scripts/build-functions.ts [--force] [name …]
 */
import fs from 'node:fs'
import path from 'node:path'
import { build } from 'esbuild'

const root = path.resolve(__dirname, '..')
const trees = [
  { source: 'cloudfunctions', out: 'build/cloudfunctions' },
  { source: 'test/fixtures/cloudfunctions', out: 'build/test-cloudfunctions' },
]
/** The version production installs; the local cloud runs the same one from node_modules. */
const SDK_VERSION = '4.0.2'
const DEFAULT_CONFIG = { permissions: { openapi: [] as string[] }, timeout: 3 }

interface Target {
  name: string
  sourceDir: string
  outDir: string
  /** outside the output folder, so devtools never uploads it */
  stampFile: string
}

/** Input file → mtime; the bundle is rebuilt when any of them (or this script) changed. */
type Stamp = Record<string, number>

function functionFolders(sourceRoot: string): string[] {
  if (!fs.existsSync(sourceRoot)) return []
  return fs.readdirSync(sourceRoot, { withFileTypes: true })
    .filter((d) => d.isDirectory() && !d.name.startsWith('_') && !d.name.startsWith('.'))
    .filter((d) => fs.existsSync(path.join(sourceRoot, d.name, 'index.ts')))
    .map((d) => d.name)
    .sort()
}

function mtime(file: string): number {
  try { return fs.statSync(file).mtimeMs } catch { return -1 }
}

function upToDate(t: Target): boolean {
  if (!fs.existsSync(path.join(t.outDir, 'index.js'))) return false
  let stamp: Stamp
  try { stamp = JSON.parse(fs.readFileSync(t.stampFile, 'utf8')) } catch { return false }
  return Object.entries(stamp).every(([file, time]) => mtime(file) === time)
}

function readConfig(sourceDir: string): Record<string, unknown> {
  const file = path.join(sourceDir, 'config.json')
  if (!fs.existsSync(file)) return DEFAULT_CONFIG
  const config = JSON.parse(fs.readFileSync(file, 'utf8'))
  for (const trigger of config.triggers ?? []) {
    const fields = String(trigger.config ?? '').trim().split(/\s+/)
    if (trigger.type !== 'timer' || fields.length !== 7) {
      throw new Error(`${file}: trigger ${trigger.name} must be { type: "timer", config: "<sec min hour day month week year>" }`)
    }
  }
  return config
}

function readExtraDependencies(sourceDir: string): Record<string, string> {
  const file = path.join(sourceDir, 'package.json')
  if (!fs.existsSync(file)) return {}
  const deps = { ...(JSON.parse(fs.readFileSync(file, 'utf8')).dependencies ?? {}) }
  delete deps['wx-server-sdk']
  return deps
}

const WEBCRYPTO_GLOBAL = "if (!globalThis.crypto) globalThis.crypto = require('node:crypto').webcrypto;"

async function bundle(t: Target): Promise<void> {
  const config = readConfig(t.sourceDir)
  const extra = readExtraDependencies(t.sourceDir)
  const result = await build({
    entryPoints: [path.join(t.sourceDir, 'index.ts')],
    outfile: path.join(t.outDir, 'index.js'),
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node16',
    external: ['wx-server-sdk', ...Object.keys(extra)],
    metafile: true,
    logLevel: 'warning',
    legalComments: 'none',
    // The cloud runs Node 16/18, where the Web Crypto global does not exist yet; a bundled library
    // that calls crypto.getRandomValues would fail there. Node's own webcrypto is the same API.
    banner: { js: WEBCRYPTO_GLOBAL },
  })
  const pkg = { name: t.name, version: '1.0.0', private: true, main: 'index.js', dependencies: { 'wx-server-sdk': SDK_VERSION, ...extra } }
  fs.writeFileSync(path.join(t.outDir, 'package.json'), JSON.stringify(pkg, null, 2) + '\n')
  fs.writeFileSync(path.join(t.outDir, 'config.json'), JSON.stringify(config, null, 2) + '\n')
  const inputs = Object.keys(result.metafile.inputs).map((f) => path.resolve(root, f))
  inputs.push(path.join(t.sourceDir, 'config.json'), path.join(t.sourceDir, 'package.json'), __filename)
  const stamp: Stamp = Object.fromEntries(inputs.map((f) => [f, mtime(f)]))
  fs.mkdirSync(path.dirname(t.stampFile), { recursive: true })
  fs.writeFileSync(t.stampFile, JSON.stringify(stamp))
}

function formatSize(bytes: number): string {
  return bytes >= 1024 ? `${(bytes / 1024).toFixed(1)} KB` : `${bytes} B`
}

async function main(): Promise<void> {
  const args = process.argv.slice(2)
  const force = args.includes('--force')
  const only = new Set(args.filter((a) => !a.startsWith('--')))
  let count = 0
  for (const tree of trees) {
    const sourceRoot = path.join(root, tree.source)
    for (const name of functionFolders(sourceRoot)) {
      if (only.size && !only.has(name)) continue
      const target: Target = {
        name,
        sourceDir: path.join(sourceRoot, name),
        outDir: path.join(root, tree.out, name),
        stampFile: path.join(root, 'build/.stamps', path.basename(tree.out), `${name}.json`),
      }
      const fresh = !force && upToDate(target)
      if (!fresh) await bundle(target)
      const bytes = fs.statSync(path.join(target.outDir, 'index.js')).size
      console.log(`${path.join(tree.out, name).padEnd(48)} ${formatSize(bytes).padStart(10)}  ${fresh ? 'up to date' : 'built'}`)
      count++
    }
  }
  if (!count) console.log('no cloud functions found')
}

main().catch((err) => {
  console.error(err?.message ?? err)
  process.exit(1)
})

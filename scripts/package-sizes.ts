/**
 * Sizes of the weapp build's main package and each subpackage, as WeChat counts them
 * (every file under the package root; the main package is everything not in a subpackage).
 * Usage: tsx scripts/package-sizes.ts [distDir] [--json]
 * Exits 1 only when a package passes WeChat's hard limit (2 MB); our goals
 * (main ≤ 800 KB, each subpackage ≤ 400 KB) are reported, not enforced.
 */
import fs from 'node:fs'
import path from 'node:path'

export const KB = 1024
export const HARD_LIMIT = 2048 * KB
export const GOAL_MAIN = 800 * KB
export const GOAL_SUB = 400 * KB

export interface PackageSize {
  /** 'main' or the subpackage root, e.g. 'packages/notice' */
  name: string
  bytes: number
  files: number
  goal: number
}

function walk(dir: string, out: string[] = []): string[] {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) walk(full, out)
    else out.push(full)
  }
  return out
}

export function measurePackages(distDir: string): PackageSize[] {
  const appJson = JSON.parse(fs.readFileSync(path.join(distDir, 'app.json'), 'utf8')) as {
    subPackages?: Array<{ root: string }>
    subpackages?: Array<{ root: string }>
  }
  const roots = (appJson.subPackages ?? appJson.subpackages ?? []).map((s) => s.root.replace(/\/+$/, ''))
  const sizes = new Map<string, PackageSize>([['main', { name: 'main', bytes: 0, files: 0, goal: GOAL_MAIN }]])
  for (const r of roots) sizes.set(r, { name: r, bytes: 0, files: 0, goal: GOAL_SUB })
  for (const file of walk(distDir)) {
    const rel = path.relative(distDir, file).split(path.sep).join('/')
    // Source maps are not uploaded to WeChat.
    if (rel.endsWith('.map')) continue
    const root = roots.find((r) => rel === r || rel.startsWith(`${r}/`))
    const entry = sizes.get(root ?? 'main')!
    entry.bytes += fs.statSync(file).size
    entry.files += 1
  }
  return [...sizes.values()]
}

export function formatKB(bytes: number): string {
  return `${(bytes / KB).toFixed(1)} KB`
}

function main(): void {
  const args = process.argv.slice(2)
  const distDir = path.resolve(args.find((a) => !a.startsWith('--')) ?? 'dist')
  if (!fs.existsSync(path.join(distDir, 'app.json'))) {
    console.error(`${distDir}/app.json not found: run the weapp build first (npm run build:weapp).`)
    process.exit(2)
  }
  const sizes = measurePackages(distDir)
  if (args.includes('--json')) {
    console.log(JSON.stringify(sizes, null, 2))
  } else {
    const total = sizes.reduce((n, s) => n + s.bytes, 0)
    console.log('\nweapp package sizes (production build)')
    console.log('package'.padEnd(22) + 'size'.padStart(12) + 'goal'.padStart(12) + '  files')
    for (const s of sizes) {
      const mark = s.bytes > HARD_LIMIT ? '  OVER 2 MB LIMIT' : s.bytes > s.goal ? '  over goal' : ''
      console.log(s.name.padEnd(22) + formatKB(s.bytes).padStart(12) + formatKB(s.goal).padStart(12) + String(s.files).padStart(7) + mark)
    }
    console.log('total'.padEnd(22) + formatKB(total).padStart(12))
  }
  if (sizes.some((s) => s.bytes > HARD_LIMIT)) process.exit(1)
}

if (require.main === module) main()

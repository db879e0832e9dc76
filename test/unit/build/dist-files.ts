/** Reading the production weapp build (dist/) for the build checks. */
import fs from 'node:fs'
import path from 'node:path'

export const DIST = path.resolve(__dirname, '../../../dist')

/** Every file under dist/ whose name ends with one of `extensions`, relative to dist/. */
export function distFiles(...extensions: string[]): string[] {
  if (!fs.existsSync(path.join(DIST, 'app.json'))) {
    throw new Error('dist/ is missing: run `npm run build:weapp` before the build checks')
  }
  const out: string[] = []
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name)
      if (entry.isDirectory()) walk(full)
      else if (extensions.some((ext) => entry.name.endsWith(ext))) out.push(path.relative(DIST, full))
    }
  }
  walk(DIST)
  return out.sort()
}

export const readDist = (file: string) => fs.readFileSync(path.join(DIST, file), 'utf8')

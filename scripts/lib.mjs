// Small helpers shared by start.mjs and test.mjs (plain Node, so they run before anything is installed).
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

/** Runs a command with inherited output; exits the script with its code if it fails. */
export function run(label, cmd, args, env = {}) {
  const started = Date.now()
  console.log(`\n▶ ${label}`)
  const r = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } })
  const secs = ((Date.now() - started) / 1000).toFixed(1)
  if (r.status !== 0) {
    console.error(`✖ ${label} 失败（${secs} s）`)
    process.exit(r.status ?? 1)
  }
  console.log(`✔ ${label}（${secs} s）`)
}

/** Newest modification time under the given paths (files or folders), skipping node_modules. */
export function newestMtime(paths) {
  let newest = 0
  const walk = (p) => {
    if (!fs.existsSync(p)) return
    const st = fs.statSync(p)
    if (st.isDirectory()) {
      for (const name of fs.readdirSync(p)) if (name !== 'node_modules') walk(path.join(p, name))
    } else newest = Math.max(newest, st.mtimeMs)
  }
  for (const p of paths) walk(path.join(root, p))
  return newest
}

export function isStale(output, inputs) {
  const out = path.join(root, output)
  return !fs.existsSync(out) || fs.statSync(out).mtimeMs < newestMtime(inputs)
}

/**
 * Installs dependencies when node_modules is missing or older than the lockfile — with `npm ci`,
 * which installs exactly the lockfile and never rewrites package.json or package-lock.json.
 */
export function ensureInstalled() {
  const marker = path.join(root, 'node_modules/.package-lock.json')
  const lock = path.join(root, 'package-lock.json')
  if (fs.existsSync(marker) && fs.statSync(marker).mtimeMs >= fs.statSync(lock).mtimeMs) return
  run('安装依赖（npm ci，严格按 package-lock.json）', 'npm', ['ci', '--no-audit', '--no-fund'])
}

export const npx = (bin) => path.join(root, 'node_modules/.bin', bin)

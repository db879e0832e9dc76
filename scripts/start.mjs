// npm start: installs what is missing, builds what is stale, starts the local cloud with demo
// data and serves the h5 app on 127.0.0.1. A second start skips the builds.
import { spawn } from 'node:child_process'
import { ensureInstalled, isStale, run, npx, root } from './lib.mjs'

ensureInstalled()
run('构建云函数', npx('tsx'), ['scripts/build-functions.ts'])
if (isStale('dist-h5/index.html', ['src', 'config', 'types', 'package.json'])) {
  run('构建 h5（首次约 1 分钟）', 'npm', ['run', '--silent', 'build:h5'], { NODE_ENV: 'production' })
} else console.log('h5 已是最新，跳过构建')

const args = ['--import', 'tsx', 'emulator/cli.ts', 'serve', '--seed', ...process.argv.slice(2)]
const cloud = spawn(process.execPath, args, { cwd: root, stdio: 'inherit' })
const stop = () => cloud.kill('SIGTERM')
process.on('SIGINT', stop)
process.on('SIGTERM', stop)
cloud.on('exit', (code) => process.exit(code ?? 0))

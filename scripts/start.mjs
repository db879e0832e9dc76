// npm start: installs what is missing (npm ci), builds what is stale, starts the local cloud with
// demo data and serves the h5 app on 127.0.0.1. A second start skips the builds. Tracked files are
// never written: builds go to build/ and dist-h5/, data to .local-cloud/.
//
// The cloud's own start-up lines (the `export …` lines for scripts, the setup code) are meant for
// `npm run cloud`; here they are replaced by what a person trying the demo needs, URL last.
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { ensureInstalled, isStale, run, npx, root } from './lib.mjs'

ensureInstalled()
run('构建云函数', npx('tsx'), ['scripts/build-functions.ts'])
if (isStale('dist-h5/index.html', ['src', 'config', 'types', 'package.json'])) {
  run('构建 h5（首次约 1 分钟）', 'npm', ['run', '--silent', 'build:h5'], { NODE_ENV: 'production' })
} else console.log('h5 已是最新，跳过构建')

/** What each demo person can try (names come from emulator/seed/personas.ts). */
const ROLES = {
  chair: '所有管理：起草与发布公开、处理意见、组织活动、慰问记录、会员与操作日志',
  committee: '处理分派给自己的意见、组织活动、记录慰问',
  staff: '看公开（含已读回执）、报名活动、提意见（可以匿名）',
  retiree: '同在职教师；试试「我的 → 关怀模式」的大字',
  visitor: '还不是会员：只看对外公开，可以申请加入',
}

function personas() {
  try {
    const source = fs.readFileSync(path.join(root, 'emulator/seed/personas.ts'), 'utf8')
    return [...source.matchAll(/key: '(\w+)', label: '([^']+)', name: '([^']+)'/g)].map(([, key, label, name]) => ({ key, label, name }))
  } catch {
    return []
  }
}

function welcome(url, { demoData, setupCode }) {
  const lines = ['', '教工之家 本地演示已就绪（只在本机，Ctrl+C 停止）。', '', '打开后先选一个身份，之后可在「我的 → 切换身份」换：']
  for (const p of personas()) lines.push(`  ${p.label} ${p.name} — ${ROLES[p.key] ?? ''}`)
  lines.push(
    '',
    '匿名意见为什么主席当天看不到：为了不让提交时间暴露是谁写的，匿名意见攒成每天一批，',
    '次日才送到主席和委员那里。演示时可以用开发面板「放出今天的匿名意见」立即放出，',
    '再以主席身份打开「意见箱 → 处理意见」看到它。',
  )
  if (!demoData && setupCode) lines.push('', `还没有主席：在「申请加入」页输入设置码 ${setupCode}，第一个输入的人成为主席。`)
  lines.push(
    '',
    '其他：npm run seed:reset 重置演示数据；npm run cloud 只启动本地云并打印给脚本用的 export 行。',
    '',
    `打开 ${url}/`,
  )
  console.log(lines.join('\n'))
}

const args = ['--import', 'tsx', 'emulator/cli.ts', 'serve', '--seed', ...process.argv.slice(2)]
const cloud = spawn(process.execPath, args, { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] })
const stop = () => cloud.kill('SIGTERM')
process.on('SIGINT', stop)
process.on('SIGTERM', stop)
cloud.on('exit', (code) => process.exit(code ?? 0))

// Start-up lines are read, not echoed; everything the cloud prints after them (errors, timers) is.
let buffered = ''
let started = null
let demoData = false
let setupCode = ''
let quiet
cloud.stdout.setEncoding('utf8')
cloud.stdout.on('data', (chunk) => {
  if (started === 'done') return void process.stdout.write(chunk)
  buffered += chunk
  const lines = buffered.split('\n')
  buffered = lines.pop() ?? ''
  for (const line of lines) {
    if (/^# (已写入演示数据|演示数据已存在)/.test(line)) demoData = true
    const code = /^# 主席设置码（setup code）：(\S+)/.exec(line)
    if (code) setupCode = code[1]
    const url = /^# 本地云已启动：(\S+)/.exec(line)
    if (url) started = url[1]
    if (started === null && !line.startsWith('#') && !line.startsWith('export ')) console.log(line)
  }
  // The banner is written in one go; once it has stopped arriving, say what matters, URL last.
  if (started && started !== 'done') {
    clearTimeout(quiet)
    const url = started
    quiet = setTimeout(() => {
      started = 'done'
      welcome(url, { demoData, setupCode })
    }, 200)
  }
})

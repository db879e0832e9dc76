/**
 * The local WeChat cloud's command line.
 *   tsx emulator/cli.ts [serve] [--port 3900] [--data .local-cloud] [--database-url postgres://…] [--env local]
 *                               [--no-timers] [--h5 dist-h5] [--ready-json]
 *   tsx emulator/cli.ts trigger <function> [triggerName] [--env name]   (fires a timer trigger now)
 * Prints, one per line, `export NAME='value'` for every variable a script needs to use
 * wx-server-sdk against it.
 */
import path from 'node:path'
import fs from 'node:fs'
import crypto from 'node:crypto'
import { startLocalCloud, type LocalCloudOptions } from './server'
import { sdkEnvironment } from './sdk-env'
import { seedEnvironment } from './dev/module'
import { triggerCommand } from './functions/trigger-command'

// WeChat runs cloud functions in UTC; worker threads share this process's zone.
process.env.TZ = 'UTC'

const root = path.resolve(__dirname, '..')

function parseArgs(argv: string[]): { command: string; positionals: string[]; flags: Map<string, string | true> } {
  const flags = new Map<string, string | true>()
  const words: string[] = []
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]
    if (a.startsWith('--')) {
      const next = argv[i + 1]
      if (next !== undefined && !next.startsWith('--')) { flags.set(a.slice(2), next); i++ } else flags.set(a.slice(2), true)
    } else words.push(a)
  }
  return { command: words[0] ?? 'serve', positionals: words.slice(1), flags }
}

function str(flags: Map<string, string | true>, name: string, fallback?: string): string | undefined {
  const v = flags.get(name)
  return typeof v === 'string' ? v : fallback
}

/** The setup code is stable per data folder so the chair can read it once and use it later. */
function setupCodeFor(dataRoot: string): string {
  const file = path.join(dataRoot, 'setup-code.txt')
  if (fs.existsSync(file)) return fs.readFileSync(file, 'utf8').trim()
  const code = String(crypto.randomInt(100000, 999999))
  fs.mkdirSync(dataRoot, { recursive: true })
  fs.writeFileSync(file, code)
  return code
}

/** The functions' APP_SECRET: random per data folder and kept, so receipt codes stay valid across restarts. */
function appSecretFor(dataRoot: string): string {
  const file = path.join(dataRoot, 'app-secret.txt')
  if (fs.existsSync(file)) return fs.readFileSync(file, 'utf8').trim()
  const secret = crypto.randomBytes(24).toString('hex')
  fs.mkdirSync(dataRoot, { recursive: true })
  fs.writeFileSync(file, secret, { mode: 0o600 })
  return secret
}

/** The data folder and cloud options from flags and LOCAL_CLOUD_* variables (serve and seed agree on them). */
function optionsFrom(flags: Map<string, string | true>): { dataRoot: string; options: LocalCloudOptions } {
  const dataRoot = path.resolve(root, str(flags, 'data', process.env.LOCAL_CLOUD_DATA ?? '.local-cloud')!)
  const options: LocalCloudOptions = {
    port: Number(str(flags, 'port', process.env.LOCAL_CLOUD_PORT ?? '3900')),
    dataDir: path.join(dataRoot, 'pgdata'),
    databaseUrl: str(flags, 'database-url', process.env.LOCAL_CLOUD_DATABASE_URL),
    defaultEnv: str(flags, 'env', 'local')!,
    functionsDirs: (str(flags, 'functions', path.join(root, 'build/cloudfunctions')) as string).split(path.delimiter),
    h5Dir: flags.has('no-h5') ? undefined : str(flags, 'h5', path.join(root, 'dist-h5')),
    timers: !flags.has('no-timers'),
    setupCode: str(flags, 'setup-code', process.env.LOCAL_CLOUD_SETUP_CODE) ?? setupCodeFor(dataRoot),
    filesDir: path.join(dataRoot, 'files'),
    appSecret: appSecretFor(dataRoot),
  }
  return { dataRoot, options }
}

async function serve(flags: Map<string, string | true>): Promise<void> {
  const { dataRoot, options } = optionsFrom(flags)
  const cloud = await startLocalCloud(options)
  if (flags.has('seed')) {
    const seeded = await seedEnvironment(cloud, options.defaultEnv, false)
    if (!flags.has('ready-json')) console.log(seeded.seeded ? `# 已写入演示数据：${JSON.stringify(seeded.counts)}` : '# 演示数据已存在（npm run seed:reset 可重来）')
  }
  const shutdown = async () => { await cloud.close(); process.exit(0) }
  process.on('SIGINT', shutdown)
  process.on('SIGTERM', shutdown)
  if (flags.has('ready-json')) {
    process.stdout.write(JSON.stringify({ ready: true, url: cloud.url, adminUrl: cloud.adminUrl, setupCode: options.setupCode }) + '\n')
    return
  }
  fs.writeFileSync(path.join(dataRoot, 'state.json'), JSON.stringify({ url: cloud.url, pid: process.pid }))
  const env = sdkEnvironment(cloud.adminUrl, options.defaultEnv)
  console.log(`# 本地云已启动：${cloud.url}  （数据库：${options.databaseUrl ? 'PostgreSQL 服务器' : `PGlite ${options.dataDir}`}）`)
  if (options.h5Dir && fs.existsSync(path.join(options.h5Dir, 'index.html'))) console.log(`# 打开 ${cloud.url}/ 使用 h5 版（选择身份登录）`)
  console.log(`# 主席设置码（setup code）：${options.setupCode}`)
  console.log('# 在另一个终端执行下面几行，脚本里的 wx-server-sdk 就会连到本地云：')
  for (const [k, v] of Object.entries(env)) console.log(`export ${k}='${v}'`)
}

/** seed [--reset]: on the running local cloud when there is one, otherwise on a short-lived one. */
async function seed(flags: Map<string, string | true>): Promise<void> {
  const { dataRoot, options } = optionsFrom(flags)
  const state = path.join(dataRoot, 'state.json')
  const running = fs.existsSync(state) ? JSON.parse(fs.readFileSync(state, 'utf8')) : null
  if (running && isAlive(running.pid)) {
    const res = await fetch(`${running.url}/local/seed`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ reset: flags.has('reset') }) })
    console.log(await res.text())
    return
  }
  const cloud = await startLocalCloud({ ...options, port: 0, timers: false, h5Dir: undefined })
  const out = await seedEnvironment(cloud, cloud.options.defaultEnv, flags.has('reset'))
  console.log(`演示数据：${JSON.stringify(out.counts)}`)
  await cloud.close()
  process.exit(0)
}

function isAlive(pid: number): boolean {
  try { process.kill(pid, 0); return true } catch { return false }
}

async function main(): Promise<void> {
  const { command, positionals, flags } = parseArgs(process.argv.slice(2))
  if (command === 'serve') return serve(flags)
  if (command === 'trigger') return triggerCommand(positionals, flags)
  if (command === 'seed') return seed(flags)
  console.error(`未知命令：${command}（可用：serve、seed、trigger）`)
  process.exit(2)
}

main().catch((err) => {
  console.error(err)
  process.exit(1)
})

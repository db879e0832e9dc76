// npm test: every check and test layer. Independent steps run side by side (the cloud layer while
// the builds and the browser layer run; type check and lint beside them), each into its own log
// under build/test-logs/; a step starts when what it needs is done. Every step must pass. Ports are
// chosen free by each local cloud, so layers (and other checkouts) never collide.
//   functions → cloud layer (unit tests of functions on the local cloud)
//   weapp build → build checks + miniprogram-simulate      h5 build → browser end-to-end (Playwright)
//   type check, lint, unit + component tests: no prerequisites
// With LOCAL_CLOUD_DATABASE_URL set, the cloud layer runs on that PostgreSQL server instead of PGlite.
// TEST_ALSO_POSTGRES_URL=postgres://… runs the cloud layer a second time on that server, beside the rest.
// TEST_PARALLEL=n caps how many steps run at once (default 2; 1 runs them one after another).
// `npm test -- unit simulate` runs only those steps (and what they need).
import { ensureInstalled, npx, runSteps } from './lib.mjs'

ensureInstalled()
// The progress reporter names each file as it starts, so a step killed for overrunning says which file hung.
const jest = (...projects) => [npx('jest'), ['--ci', '--reporters', 'default', '--reporters', '<rootDir>/test/support/progress-reporter.js', '--selectProjects', ...projects]]

const alsoPostgres = process.env.TEST_ALSO_POSTGRES_URL
/**
 * Cloud-layer files whose outcome depends on the database engine (queries, locks, transactions,
 * restarts). The local cloud's other tests — the runner, gateway, storage, HTTP server, usage
 * counts — exercise the same code whichever engine answers, so the server step alone runs them.
 */
const ENGINE_TESTS = 'test/emulator/(db-|durability|abandoned-transaction|concurrency)|burst|durability|chair-invariant|submit-once'
const withPattern = ([cmd, args], pattern) => [cmd, [...args, '--testPathPattern', pattern]]
// Two test files at once against one local cloud on the PostgreSQL server: the layer waits more than
// it computes (one file at a time kept its processes at about 65% of a core — round trips, the
// throttling tests' real waits), so a second file fills those waits (663 s → 501 s for the step).
// Not on PGlite: its engine is the local cloud's own main thread, and two burst files at once there
// overran a function's 5 s timeout (seen: chair-invariant, -504003).
const twoFilesAtOnce = ([cmd, args]) => [cmd, [...args, '--maxWorkers', '2']]
// Order matters: a free slot takes the first step that may start. Two at a time on two cores, the
// builds → browser chain in one slot and the cloud layer in the other, so the timing-sensitive
// browser tests never share the machine with more than one other step (three at once, under load,
// cold starts overran the gateway's 15 s and browser tests failed on time, not on behaviour; a
// second jest worker in the browser step and in the PGlite step as well as in the server step did
// too: the 台帐 build overran its 60 s wait).
const cloudStep = alsoPostgres
  // With a PostgreSQL server beside it (CI), the whole cloud layer runs on the server and PGlite runs
  // what depends on the engine: the local cloud's own tests and the races, bursts and kill -9 tests.
  // The functions are the same bytes on both; running every business test twice on two cores only
  // doubled the slowest step. Without a server, everything runs on PGlite.
  ? { id: 'cloud', label: '云函数与本地云测试（PGlite：本地云、并发与耐久）', cmd: withPattern(jest('cloud'), ENGINE_TESTS), needs: ['functions'] }
  : { id: 'cloud', label: '云函数与本地云测试', cmd: jest('cloud'), needs: ['functions'] }
const steps = [
  { id: 'functions', label: '构建云函数', cmd: [npx('tsx'), ['scripts/build-functions.ts']] },
  { id: 'weapp', label: '构建小程序（生产）', cmd: ['npm', ['run', '--silent', 'build:weapp']], env: { NODE_ENV: 'production' } },
  ...(alsoPostgres ? [{ id: 'cloud-pg', label: '云函数层（PostgreSQL 服务器）', cmd: twoFilesAtOnce(jest('cloud')), env: { LOCAL_CLOUD_DATABASE_URL: alsoPostgres }, needs: ['functions'] }] : []),
  // after: not a prerequisite — two webpack builds at once only fight over the cores.
  { id: 'h5', label: '构建 h5', cmd: ['npm', ['run', '--silent', 'build:h5']], env: { NODE_ENV: 'production' }, after: ['weapp'] },
  { id: 'e2e', label: '浏览器端到端测试', cmd: jest('e2e'), needs: ['h5', 'functions'] },
  cloudStep,
  { id: 'simulate', label: '构建检查 + miniprogram-simulate 页面测试', cmd: jest('build', 'weapp'), needs: ['weapp'] },
  { id: 'typecheck', label: '类型检查 tsc', cmd: [npx('tsc'), ['--noEmit', '-p', 'tsconfig.json']] },
  { id: 'lint', label: '代码检查 eslint', cmd: [npx('eslint'), ['.']] },
  { id: 'unit', label: '单元与组件测试', cmd: jest('unit', 'app') },
]
const chosen = only(steps, process.argv.slice(2))
const skipped = steps.filter((s) => !chosen.includes(s)).map((s) => s.label)
const ok = await runSteps(chosen, { parallel: Number(process.env.TEST_PARALLEL ?? 2), skipped })

/** The steps named (with their prerequisites), or all of them. */
function only(all, ids) {
  if (ids.length === 0) return all
  const wanted = new Set()
  const add = (id) => {
    const step = all.find((s) => s.id === id)
    if (!step) throw new Error(`unknown step ${id}; steps: ${all.map((s) => s.id).join(' ')}`)
    wanted.add(id)
    for (const n of step.needs ?? []) add(n)
  }
  ids.forEach(add)
  return all.filter((s) => wanted.has(s.id))
}

console.log(ok ? '\n全部通过。' : '\n有步骤失败（日志见上）。')
process.exit(ok ? 0 : 1)

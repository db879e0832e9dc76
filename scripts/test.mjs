// npm test: every check and test layer, in the order their builds need.
//   typecheck → lint → function bundles → unit + cloud (functions on the local cloud) + app components
//   → production weapp build → miniprogram-simulate → h5 build → browser end-to-end (Playwright, system Chromium)
// With LOCAL_CLOUD_DATABASE_URL set, the cloud layer runs on that PostgreSQL server instead of PGlite.
import { ensureInstalled, run, npx } from './lib.mjs'

ensureInstalled()
const jest = (label, projects, env) => run(label, npx('jest'), ['--ci', '--selectProjects', ...projects], env)

run('类型检查 tsc', npx('tsc'), ['--noEmit', '-p', 'tsconfig.json'])
run('代码检查 eslint', npx('eslint'), ['.'])
run('构建云函数', npx('tsx'), ['scripts/build-functions.ts'])
jest('单元、云函数（本地云）、组件测试', ['unit', 'cloud', 'app'])
run('构建小程序（生产）', 'npm', ['run', '--silent', 'build:weapp'], { NODE_ENV: 'production' })
jest('构建检查 + miniprogram-simulate 页面测试', ['build', 'weapp'])
run('构建 h5', 'npm', ['run', '--silent', 'build:h5'], { NODE_ENV: 'production' })
jest('浏览器端到端测试', ['e2e'])
console.log('\n全部通过。')

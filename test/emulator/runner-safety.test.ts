/**
 * Without TCB_CONTEXT_CNFG wx-server-sdk silently calls Tencent's real cloud, so an instance
 * refuses to load or run a function unless the SDK's endpoint is this machine.
 */
import path from 'node:path'
import { findBundle } from '../../emulator/functions/catalog'
import { FunctionInstance } from '../../emulator/functions/instance'
import { sdkEnvironment } from '../../emulator/sdk-env'

const dirs = [path.resolve(__dirname, '../../build/test-cloudfunctions')]
const whoami = findBundle(dirs, 'whoami')!
const instances: FunctionInstance[] = []

function start(baseEnv: Record<string, string>): FunctionInstance {
  const i = new FunctionInstance(whoami, baseEnv)
  instances.push(i)
  return i
}

afterAll(async () => {
  await Promise.all(instances.map((i) => i.terminate()))
})

describe('function instance safety', () => {
  const good = sdkEnvironment('http://127.0.0.1:9/admin', 'safety')

  it('refuses to load a function when TCB_CONTEXT_CNFG is missing', async () => {
    const { TCB_CONTEXT_CNFG: _omit, ...withoutEndpoint } = good
    const outcome = await start(withoutEndpoint).run({ event: {}, context: {}, env: {} })
    expect(outcome).toMatchObject({ ok: false, kind: 'execute_fail' })
    expect(!outcome.ok && outcome.message).toContain('未设置 TCB_CONTEXT_CNFG')
  })

  it('refuses to load a function when TCB_CONTEXT_CNFG points off this machine', async () => {
    const remote = { ...good, TCB_CONTEXT_CNFG: JSON.stringify({ URL: 'https://tcb-api.tencentcloudapi.com/admin' }) }
    const outcome = await start(remote).run({ event: {}, context: {}, env: {} })
    expect(!outcome.ok && outcome.message).toContain('只允许本机地址')
  })

  it('refuses an invocation whose endpoint is not loopback, without running the function', async () => {
    const outcome = await start(good).run({
      event: {}, context: {}, env: { TCB_CONTEXT_CNFG: JSON.stringify({ URL: 'http://10.0.0.8/admin' }), WX_OPENID: 'o_x' },
    })
    expect(outcome.ok).toBe(false)
    expect(!outcome.ok && outcome.message).toContain('10.0.0.8')
  })

  it('runs the same function when the endpoint is loopback', async () => {
    const outcome = await start(good).run({ event: {}, context: {}, env: { WX_OPENID: 'o_local' } })
    expect(outcome.ok && JSON.parse(outcome.json).after.OPENID).toBe('o_local')
  })
})

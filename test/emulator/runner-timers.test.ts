/** Timer triggers from config.json: WeChat's 7-field cron, its event, fired on demand or on schedule. */
import { execFile } from 'node:child_process'
import path from 'node:path'
import { promisify } from 'node:util'
import { localCloudUrl, newEnvName } from '../support/cloud'
import { parseWeChatCron, scheduleTimers, yearMatches } from '../../emulator/functions/timers'
import type { FunctionBundle } from '../../emulator/functions/catalog'

const env = newEnvName('timers')
const root = path.resolve(__dirname, '../..')

async function trigger(body: Record<string, unknown>): Promise<any> {
  const res = await fetch(`${localCloudUrl()}/local/trigger`, { method: 'POST', body: JSON.stringify({ env, ...body }) })
  return res.json()
}

describe('timer triggers', () => {
  it("fires a function's trigger on demand with the event WeChat's timer sends", async () => {
    const r = await trigger({ name: 'ticker', trigger: 'nightly' })
    expect(r.ok).toBe(true)
    expect(r.result.event).toEqual({ Type: 'Timer', TriggerName: 'nightly', Time: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/) })
  })

  it('runs a timer invocation with no OPENID and SOURCE wx_trigger', async () => {
    const r = await trigger({ name: 'ticker' })
    expect(r.result.wxContext).not.toHaveProperty('OPENID')
    expect(r.result.wxContext).toMatchObject({ ENV: env, SOURCE: 'wx_trigger' })
  })

  it('refuses a trigger name the function does not declare', async () => {
    const r = await trigger({ name: 'ticker', trigger: 'hourly' })
    expect(r.ok).toBe(false)
    expect(r.errMsg).toContain('nightly')
  })

  it('fires a trigger from the command line on the running cloud', async () => {
    const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', path.join(root, 'emulator/cli.ts'), 'trigger', 'ticker', 'nightly', '--env', env], {
      cwd: root, env: { ...process.env, LOCAL_CLOUD_URL: localCloudUrl() },
    })
    expect(JSON.parse(stdout).result.event.TriggerName).toBe('nightly')
  })

  it('schedules a config.json trigger with its cron expression', async () => {
    const bundle = { name: 'every-second', triggers: [{ name: 'tick', type: 'timer', config: '* * * * * * *' }] } as FunctionBundle
    let stop = () => {}
    const fired = await new Promise<string>((resolve) => {
      stop = scheduleTimers([bundle], (b, t) => resolve(`${b.name}/${t.name}`))
    })
    stop()
    expect(fired).toBe('every-second/tick')
  })

  it("drops WeChat's year field from the pattern and checks it when the job fires", () => {
    expect(parseWeChatCron('0 15 10 * * MON-FRI 2030')).toEqual({ pattern: '0 15 10 * * MON-FRI', year: '2030' })
    expect(yearMatches('*', 2031)).toBe(true)
    expect(yearMatches('2030', 2031)).toBe(false)
    expect(yearMatches('2028-2032', 2031)).toBe(true)
    expect(yearMatches('2024/2', 2026)).toBe(true)
    expect(yearMatches('2024/2', 2027)).toBe(false)
  })

  it('rejects a cron expression without the 7 fields WeChat requires', () => {
    expect(() => parseWeChatCron('0 0 2 * * *')).toThrow('7 fields')
  })
})

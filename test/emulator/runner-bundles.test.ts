/**
 * The runner executes what scripts/build-functions.ts writes, and WeChat devtools uploads the same
 * folders as they are: index.js with wx-server-sdk left to the cloud's install, package.json
 * naming it, config.json with permissions, timeout and triggers.
 */
import fs from 'node:fs'
import path from 'node:path'

const built = path.resolve(__dirname, '../../build/test-cloudfunctions')
const read = (fn: string, file: string) => fs.readFileSync(path.join(built, fn, file), 'utf8')

describe('deployable function folders', () => {
  it('leave wx-server-sdk out of index.js and require it at run time', () => {
    const js = read('whoami', 'index.js')
    expect(js).toContain('require("wx-server-sdk")')
    expect(js).not.toContain('node_modules/@cloudbase/node-sdk')
    expect(js.length).toBeLessThan(20_000)
  })

  it('list wx-server-sdk 4.0.2 as the runtime dependency in package.json', () => {
    const pkg = JSON.parse(read('whoami', 'package.json'))
    expect(pkg).toMatchObject({ name: 'whoami', main: 'index.js', dependencies: { 'wx-server-sdk': '4.0.2' } })
  })

  it("get WeChat's default config.json when the source folder has none", () => {
    expect(JSON.parse(read('whoami', 'config.json'))).toEqual({ permissions: { openapi: [] }, timeout: 3 })
  })

  it("keep the source folder's config.json: permissions, timeout and triggers", () => {
    expect(JSON.parse(read('ticker', 'config.json')).triggers).toEqual([{ name: 'nightly', type: 'timer', config: '0 0 2 * * * *' }])
    expect(JSON.parse(read('openapi-probe', 'config.json')).permissions.openapi).toContain('security.msgSecCheck')
  })
})

/**
 * The authorization matrix: every action of every function × every kind of caller → allowed or
 * refused, exactly as the rows in test/functions/authz/<function>.ts say. A new action without
 * a row fails here. Refused calls also claim someone else's identity in their data (openid,
 * role, member id, userInfo) and must still be refused: identity comes from WeChat only.
 */
import fs from 'node:fs'
import path from 'node:path'
import { callAs, seededEnv } from './helpers'
import { callerKinds, callerOpenids } from './callers'
import type { AuthzRows } from './authz/types'

const root = path.resolve(__dirname, '../../cloudfunctions')
const functionNames = fs.readdirSync(root).filter((d) => !d.startsWith('_') && fs.existsSync(path.join(root, d, 'routes.ts')))

function load(fn: string): { actions: Record<string, { role: string }>; rows: AuthzRows | undefined } {
  const { routes } = require(path.join(root, fn, 'routes.ts'))
  const rowsFile = path.join(__dirname, 'authz', `${fn}.ts`)
  const rows = fs.existsSync(rowsFile) ? (require(rowsFile).rows as AuthzRows) : undefined
  return { actions: routes, rows }
}

const openids = callerOpenids()

/** Someone else's identity, as a forged request would put it in the data. */
const claims = {
  openid: openids.chair,
  _openid: openids.chair,
  OPENID: openids.chair,
  role: 'chair',
  memberId: 'mem001',
  userInfo: { openId: openids.chair, appId: 'wx-forged' },
}

describe('authorization matrix', () => {
  let env: string
  beforeAll(async () => {
    env = (await seededEnv('authz')).env
  })

  it.each(functionNames)('%s: every action has exactly one row, and every row an action', (fn) => {
    const { actions, rows } = load(fn)
    expect(rows).toBeDefined()
    expect(Object.keys(rows!).sort()).toEqual(Object.keys(actions).sort())
  })

  const actions = functionNames.flatMap((fn) => {
    const { actions, rows } = load(fn)
    return Object.keys(actions).map((action) => [fn, action, rows?.[action]] as const)
  })

  // One test per action, every kind of caller in it. The refused calls are sent at once: a refusal
  // writes nothing, so they cannot affect each other (one after another, the matrix's ~2,000 calls
  // made it the layer's slowest file). The allowed ones go one at a time in callerKinds order, as
  // before: their inputs may change what the next one finds.
  it.each(actions)('%s.%s: each kind of caller allowed or refused as its row says', async (fn, action, row) => {
    if (!row) throw new Error(`no authorization row for ${fn}.${action}`)
    const refusedKinds = callerKinds.filter((caller) => !row.allowed.includes(caller))
    const refusals = await Promise.all(refusedKinds.map((caller) =>
      callAs(env, { openid: openids[caller] }, fn, { ...(row.input ?? {}), ...claims, action })))
    refusals.forEach((answer, i) => {
      expect({ caller: refusedKinds[i], answer }).toMatchObject({ caller: refusedKinds[i], answer: { ok: false, code: 'FORBIDDEN', message: expect.stringMatching(/[\u4e00-\u9fa5]/) } })
    })
    for (const caller of callerKinds.filter((c) => row.allowed.includes(c))) {
      const answer = await callAs(env, { openid: openids[caller] }, fn, { ...(row.input ?? {}), action })
      const outcome = answer.ok ? 'ok' : answer.code
      expect({ caller, outcome }).not.toEqual({ caller, outcome: 'FORBIDDEN' })
      if (row.passes) expect({ caller, outcome: row.passes.includes(outcome) ? 'as the row says' : outcome }).toEqual({ caller, outcome: 'as the row says' })
    }
  })

  it.each(functionNames)('%s: timer-only actions refuse every WeChat user', async (fn) => {
    const { actions } = load(fn)
    for (const [action, def] of Object.entries(actions)) {
      if (def.role !== 'timer') continue
      const answer = await callAs(env, { openid: openids.chair }, fn, { action })
      expect(answer).toMatchObject({ ok: false, code: 'FORBIDDEN' })
    }
  })
})

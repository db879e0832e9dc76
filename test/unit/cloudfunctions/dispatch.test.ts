import * as z from 'zod/mini'
import { action, dispatch, makeMain, type Routes } from '../../../cloudfunctions/_shared/dispatch'
import { AppError } from '../../../cloudfunctions/_shared/errors'
import type { Ctx } from '../../../cloudfunctions/_shared/context'
import { memberDoc, membersDb } from './fakes'

const now = new Date('2026-11-22T02:00:00Z')
const chair = memberDoc({ openid: 'o_chair', _id: 'm_chair', name: '王建华', role: 'chair' })
const staff = memberDoc({ openid: 'o_staff', _id: 'm_staff', role: 'member' })
const committee = memberDoc({ openid: 'o_committee', _id: 'm_committee', role: 'committee' })
const removed = memberDoc({ openid: 'o_removed', _id: 'm_removed', membership: 'removed', role: 'committee' })
const pending = memberDoc({ openid: 'o_pending', _id: 'm_pending', membership: 'pending' })
const { db } = membersDb([chair, staff, committee, removed, pending])

function routesWithSpy() {
  const seen: Array<{ ctx: Ctx; input: unknown }> = []
  const record = async (ctx: Ctx, input: unknown) => {
    seen.push({ ctx, input })
    return { role: ctx.role, memberId: ctx.member?._id ?? null }
  }
  const routes: Routes = {
    whoami: action({ input: z.object({}), role: 'visitor', run: record }),
    save: action({ input: z.object({ title: z.string().check(z.minLength(1), z.maxLength(10)), page: z.int() }), role: 'member', run: record }),
    ledger: action({ input: z.object({}), role: 'committee', deniedMessage: '只有工会委员和主席可以查看慰问记录', run: record }),
    settings: action({ input: z.object({}), role: 'chair', run: record }),
    refuse: action({ input: z.object({}), role: 'visitor', run: async () => { throw new AppError('NOT_FOUND', '通知不存在或已被删除') } }),
    crash: action({ input: z.object({}), role: 'visitor', run: async () => { throw new Error('boom at /srv/secret/path.js:12') } }),
  }
  return { routes, seen }
}

describe('dispatch: input', () => {
  it('answers BAD_INPUT with a Chinese message and does not run the handler when input fails its schema', async () => {
    const { routes, seen } = routesWithSpy()
    const r = await dispatch(routes, { action: 'save', title: '', page: 'x' }, { openid: 'o_staff', db, now })
    expect(r.ok).toBe(false)
    if (r.ok) return
    expect(r.code).toBe('BAD_INPUT')
    expect(r.message).toBe('输入有误：标题不能为空；页码的格式不对。请修改后重试。')
    expect(r.issues).toEqual([
      { path: ['title'], message: '标题不能为空' },
      { path: ['page'], message: '页码的格式不对' },
    ])
    expect(seen).toHaveLength(0)
  })

  it('says which field is missing', async () => {
    const { routes } = routesWithSpy()
    const r = await dispatch(routes, { action: 'save', page: 1 }, { openid: 'o_staff', db, now })
    expect(r).toMatchObject({ ok: false, code: 'BAD_INPUT', issues: [{ path: ['title'], message: '标题必须填写' }] })
  })

  it('passes the parsed input (without action, userInfo or unknown fields) to the handler', async () => {
    const { routes, seen } = routesWithSpy()
    await dispatch(routes, { action: 'save', title: '体检', page: 2, userInfo: { openId: 'o_chair' }, extra: 1 }, { openid: 'o_staff', db, now })
    expect(seen[0].input).toEqual({ title: '体检', page: 2 })
  })

  it('answers UNKNOWN_ACTION for an action the function does not have, including inherited names', async () => {
    const { routes } = routesWithSpy()
    for (const name of ['publish', 'constructor', 'toString', undefined]) {
      const r = await dispatch(routes, { action: name }, { openid: 'o_staff', db, now })
      expect(r).toMatchObject({ ok: false, code: 'UNKNOWN_ACTION' })
    }
  })
})

describe('dispatch: text no database can store', () => {
  it('refuses a NUL or a lone surrogate in any string or key, naming the field, without running the handler', async () => {
    for (const title of ['体\u0000检', '体检\uD800', '\uDC00体检']) {
      const { routes, seen } = routesWithSpy()
      const r = await dispatch(routes, { action: 'save', title, page: 1 }, { openid: 'o_staff', db, now })
      expect(r).toMatchObject({ ok: false, code: 'BAD_INPUT', message: '输入有误：标题中有无法识别的字符，请删除后重新输入。' })
      expect(seen).toHaveLength(0)
    }
    const { routes } = routesWithSpy()
    const r = await dispatch(routes, { action: 'save', title: '体检', page: 1, ['x\u0000']: 1 }, { openid: 'o_staff', db, now })
    expect(r).toMatchObject({ ok: false, code: 'BAD_INPUT' })
  })

  it('keeps emoji (surrogate pairs), tabs and line breaks', async () => {
    const { routes, seen } = routesWithSpy()
    const r = await dispatch(routes, { action: 'save', title: '体检😀\t\n', page: 1 }, { openid: 'o_staff', db, now })
    expect(r.ok).toBe(true)
    expect(seen).toHaveLength(1)
  })

  it('refuses input nested deeper than any form sends, without recursion', async () => {
    const { routes } = routesWithSpy()
    let deep: Record<string, unknown> = {}
    const top = deep
    for (let i = 0; i < 10000; i++) deep = (deep.x = {}) as Record<string, unknown>
    const r = await dispatch(routes, { action: 'save', title: '体检', page: 1, extra: top }, { openid: 'o_staff', db, now })
    expect(r).toMatchObject({ ok: false, code: 'BAD_INPUT', message: '输入有误：提交的内容层次过深，请更新小程序后重试。' })
  })

  it('names a field by the action\'s own label and never shows Number.MAX_SAFE_INTEGER', async () => {
    const routes: Routes = {
      place: action({ input: z.object({ place: z.string().check(z.minLength(1)), n: z.int() }), role: 'visitor', labels: { place: '地点', n: '人数' }, run: async () => ({}) }),
    }
    const r = await dispatch(routes, { action: 'place', place: '', n: 1e20 }, { openid: 'o_staff', db, now })
    expect(r).toMatchObject({ ok: false, code: 'BAD_INPUT' })
    if (r.ok) return
    expect(r.message).toContain('地点不能为空')
    expect(r.message).not.toMatch(/9007199254740991|place/)
  })
})

describe('dispatch: identity and roles', () => {
  it('takes the caller from the WeChat openid and ignores an openid, role or userInfo in the event', async () => {
    const { routes, seen } = routesWithSpy()
    const r = await dispatch(routes, { action: 'whoami', openid: 'o_chair', role: 'chair', userInfo: { openId: 'o_chair' }, _openid: 'o_chair' }, { openid: 'o_staff', db, now })
    expect(r).toEqual({ ok: true, data: { role: 'member', memberId: 'm_staff' } })
    expect(seen[0].ctx.openid).toBe('o_staff')
  })

  it('refuses a staff member who claims to be chair in the event', async () => {
    const { routes, seen } = routesWithSpy()
    const r = await dispatch(routes, { action: 'settings', openid: 'o_chair', role: 'chair' }, { openid: 'o_staff', db, now })
    expect(r).toEqual({ ok: false, code: 'FORBIDDEN', message: '只有工会主席可以进行此操作' })
    expect(seen).toHaveLength(0)
  })

  it('uses the action’s own refusal message for callers below its role', async () => {
    const { routes } = routesWithSpy()
    const r = await dispatch(routes, { action: 'ledger' }, { openid: 'o_staff', db, now })
    expect(r).toEqual({ ok: false, code: 'FORBIDDEN', message: '只有工会委员和主席可以查看慰问记录' })
  })

  it('lets higher roles do what lower roles may', async () => {
    const { routes } = routesWithSpy()
    expect(await dispatch(routes, { action: 'ledger' }, { openid: 'o_chair', db, now })).toMatchObject({ ok: true, data: { role: 'chair' } })
    expect(await dispatch(routes, { action: 'ledger' }, { openid: 'o_committee', db, now })).toMatchObject({ ok: true, data: { role: 'committee' } })
  })

  it('treats a removed member as a visitor, whatever role the record still holds', async () => {
    const { routes } = routesWithSpy()
    expect(await dispatch(routes, { action: 'whoami' }, { openid: 'o_removed', db, now })).toEqual({ ok: true, data: { role: 'visitor', memberId: null } })
    expect(await dispatch(routes, { action: 'ledger' }, { openid: 'o_removed', db, now })).toMatchObject({ ok: false, code: 'FORBIDDEN' })
  })

  it('treats a pending applicant as applicant and tells them the application is under review', async () => {
    const { routes } = routesWithSpy()
    expect(await dispatch(routes, { action: 'whoami' }, { openid: 'o_pending', db, now })).toEqual({ ok: true, data: { role: 'applicant', memberId: 'm_pending' } })
    expect(await dispatch(routes, { action: 'save', title: 'a', page: 1 }, { openid: 'o_pending', db, now }))
      .toEqual({ ok: false, code: 'FORBIDDEN', message: '入会申请正在审核，通过后即可使用此功能' })
  })

  it('treats an unknown openid and a call without identity as visitors', async () => {
    const { routes } = routesWithSpy()
    expect(await dispatch(routes, { action: 'whoami' }, { openid: 'o_nobody', db, now })).toEqual({ ok: true, data: { role: 'visitor', memberId: null } })
    expect(await dispatch(routes, { action: 'whoami' }, { openid: '', db, now })).toEqual({ ok: true, data: { role: 'visitor', memberId: null } })
  })

  it('refuses a member-only action to a visitor with a message that says how to join', async () => {
    const { routes } = routesWithSpy()
    const r = await dispatch(routes, { action: 'save', title: 'a', page: 1 }, { openid: 'o_nobody', db, now })
    expect(r).toEqual({ ok: false, code: 'FORBIDDEN', message: '此功能仅对工会会员开放，请先在"我的"页申请加入工会' })
  })
})

describe('dispatch: failures', () => {
  it('turns an AppError into its code and message', async () => {
    const { routes } = routesWithSpy()
    expect(await dispatch(routes, { action: 'refuse' }, { openid: 'o_staff', db, now })).toEqual({ ok: false, code: 'NOT_FOUND', message: '通知不存在或已被删除' })
  })

  it('answers INTERNAL with a generic Chinese message and no stack or error text', async () => {
    const { routes } = routesWithSpy()
    const spy = jest.spyOn(console, 'error').mockImplementation(() => undefined)
    const r = await dispatch(routes, { action: 'crash' }, { openid: 'o_staff', db, now })
    spy.mockRestore()
    expect(r).toEqual({ ok: false, code: 'INTERNAL', message: '服务暂时出了问题，请稍后重试；如果一直这样，请联系工会。' })
    expect(JSON.stringify(r)).not.toContain('boom')
  })

  it('never writes the event to the log, even when a handler fails', async () => {
    const { routes } = routesWithSpy()
    const logged: string[] = []
    const spy = jest.spyOn(console, 'error').mockImplementation((...args: unknown[]) => { logged.push(args.map(String).join(' ')) })
    await dispatch(routes, { action: 'crash', secretText: '食堂的菜太咸了' }, { openid: 'o_staff', db, now })
    spy.mockRestore()
    expect(logged.join('\n')).not.toContain('食堂的菜太咸了')
    expect(logged.join('\n')).not.toContain('o_staff')
  })
})

describe('makeMain', () => {
  it('reads the caller from getWXContext().OPENID', async () => {
    const { routes } = routesWithSpy()
    const main = makeMain({ getWXContext: () => ({ OPENID: 'o_committee' }), database: () => db }, routes, {})
    expect(await main({ action: 'whoami', openid: 'o_chair' })).toEqual({ ok: true, data: { role: 'committee', memberId: 'm_committee' } })
  })

  it('answers MISCONFIGURED for every call when an environment variable is invalid at cold start', async () => {
    const { routes, seen } = routesWithSpy()
    const spy = jest.spyOn(console, 'error').mockImplementation(() => undefined)
    const main = makeMain({ getWXContext: () => ({ OPENID: 'o_staff' }), database: () => db }, routes, { APP_SECRET: 'short' })
    spy.mockRestore()
    expect(await main({ action: 'whoami' })).toMatchObject({ ok: false, code: 'MISCONFIGURED' })
    expect(seen).toHaveLength(0)
  })
})

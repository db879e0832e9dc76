/**
 * Loads one page of the PRODUCTION weapp build (dist/) into miniprogram-simulate with the
 * official wcc compiler. Taro pages call the `Page` constructor and need `App`, `getApp` and
 * `getCurrentPages`; the simulator only has `Component`, so this shim turns each page
 * definition into a component whose lifetimes drive the page lifecycle (onLoad → onShow → onReady).
 * Its `wx` is a stub: `wx.cloud.callFunction` is a jest.fn tests answer with canned results.
 * One page per test file (webpack's chunk cache lives on `wx`).
 * A test fails when its page logs an error or the app's `[call] … schema` warning (console-guard.ts).
 */
import path from 'node:path'
import fs from 'node:fs'
import { installConsoleGuard } from './console-guard'

export { allowLogs, loggedSoFar } from './console-guard'

installConsoleGuard()

export const DIST = path.resolve(__dirname, '../../../dist')

export type CloudAnswer = (name: string, data: Record<string, unknown>) => unknown

export interface LoadedPage {
  /** the j-component instance (dom, querySelector, triggerLifeTime …) */
  comp: any
  /** page methods (onPullDownRefresh, onReachBottom …) bound to the page */
  page: Record<string, any>
  callFunction: jest.Mock
  navigateTo: jest.Mock
  /** recorded wx APIs (showModal, showToast, requestSubscribeMessage, navigateBack, redirectTo, …) */
  wx: Record<(typeof RECORDED_APIS)[number], jest.Mock>
  text(): string
  /** polls until `predicate` holds (first render and every setData are async) */
  waitFor(predicate: () => boolean, what: string, timeoutMs?: number): Promise<void>
  /** taps the first element matching `selector` (and whose text is `label`, when given) */
  tap(selector: string, label?: string): Promise<void>
}

/** Envelope helpers for canned cloud answers. */
export const ok = (data: unknown) => ({ ok: true, data })

/** simulate's own stubs of these are wrapped in jest.fn so tests can see what the page asked. */
const RECORDED_APIS = ['showModal', 'showToast', 'showLoading', 'hideLoading', 'requestSubscribeMessage', 'navigateBack', 'redirectTo',
  'reLaunch', 'setClipboardData', 'previewImage', 'openDocument', 'downloadFile', 'setNavigationBarTitle'] as const

export interface LoadOptions {
  /** what the person answers to every showModal (default: confirms) */
  confirm?: boolean
  /** what the person answers to requestSubscribeMessage (default: accepts every template) */
  subscribe?: 'accept' | 'reject'
}

export async function loadPage(route: string, answer: CloudAnswer, query: Record<string, string> = {}, options: LoadOptions = {}): Promise<LoadedPage> {
  if (!fs.existsSync(path.join(DIST, 'app.json'))) {
    throw new Error('dist/ is missing: run `npm run build:weapp` before the weapp tests')
  }
  jest.resetModules()
  const simulate = require('miniprogram-simulate')
  const g = globalThis as any

  const callFunction = jest.fn(async ({ name, data }: { name: string; data: Record<string, unknown> }) => ({
    result: await answer(name, data),
    errMsg: 'cloud.callFunction:ok',
  }))
  const navigateTo = jest.fn((opts: { success?: () => void }) => opts?.success?.())
  g.wx = Object.assign(g.wx ?? {}, {
    cloud: { init: jest.fn(), callFunction },
    navigateTo,
    switchTab: jest.fn(),
    stopPullDownRefresh: jest.fn(),
    getStorageSync: jest.fn(() => ''),
    setStorageSync: jest.fn(),
    env: { USER_DATA_PATH: 'wxfile://usr' },
  })
  delete g.wx.webpackJsonp
  const recorded = {} as LoadedPage['wx']
  for (const api of RECORDED_APIS) {
    const original = g.wx[api]?.__original ?? g.wx[api]
    recorded[api] = jest.fn((opts: any) => (typeof original === 'function' ? original.call(g.wx, opts) : undefined))
    ;(recorded[api] as any).__original = original
    g.wx[api] = recorded[api]
  }
  recorded.showModal.mockImplementation((opts: any = {}) => {
    const res = { errMsg: 'showModal:ok', confirm: options.confirm !== false, cancel: options.confirm === false, content: '' }
    opts.success?.(res)
    opts.complete?.(res)
    return Promise.resolve(res)
  })
  // WeChat saves a download at the filePath asked for (and answers it); simulate's stub answers '/'.
  recorded.downloadFile.mockImplementation((opts: any = {}) => {
    const res = { errMsg: 'downloadFile:ok', statusCode: 200, tempFilePath: 'wxfile://tmp_6f253c0a.xlsx', ...(opts.filePath ? { filePath: opts.filePath } : {}) }
    setTimeout(() => {
      opts.success?.(res)
      opts.complete?.(res)
    }, 0)
    return { abort() {}, onProgressUpdate() {}, offProgressUpdate() {}, onHeadersReceived() {}, offHeadersReceived() {} }
  })
  recorded.requestSubscribeMessage.mockImplementation((opts: any = {}) => {
    const res: Record<string, string> = { errMsg: 'requestSubscribeMessage:ok' }
    for (const id of opts.tmplIds ?? []) res[id] = options.subscribe === 'reject' ? 'reject' : 'accept'
    opts.success?.(res)
    opts.complete?.(res)
    return Promise.resolve(res)
  })

  let app: any
  const pages: any[] = []
  g.App = (opts: any) => {
    app = opts
  }
  g.getApp = () => app
  g.getCurrentPages = () => pages
  g.Page = (opts: any) => {
    const methods: Record<string, any> = {}
    for (const [k, v] of Object.entries(opts)) if (typeof v === 'function') methods[k] = v
    g.Component({
      data: opts.data ?? {},
      options: opts.options,
      methods,
      lifetimes: {
        attached(this: any) {
          this.route = route
          this.__route__ = route
          this.options = query
          pages.push(this)
          this.onLoad?.(query)
          this.onShow?.()
        },
        ready(this: any) {
          this.onReady?.()
        },
      },
    })
  }

  require(path.join(DIST, 'app.js'))
  app.onLaunch?.({ path: route, query: {} })
  app.onShow?.({ path: route, query: {} })

  const id = simulate.load(path.join(DIST, route), { compiler: 'official', rootPath: DIST })
  const comp = simulate.render(id)
  comp.attach(document.createElement('parent-wrapper'))
  const page = comp.instance

  const text = () => (comp.dom as HTMLElement).textContent ?? ''
  const waitFor = async (predicate: () => boolean, what: string, timeoutMs = 5000) => {
    const start = Date.now()
    while (!predicate()) {
      if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}; page text: ${text().slice(0, 400)}`)
      await simulate.sleep(20)
    }
  }
  const tap = async (selector: string, label?: string) => {
    const wrappers: any[] = comp.querySelectorAll(selector) ?? []
    const target = wrappers.find((w) => label === undefined || (w.dom as HTMLElement).textContent?.trim() === label)
    if (!target) throw new Error(`nothing to tap at ${selector} ${label ?? ''}; page text: ${text().slice(0, 400)}`)
    target.dispatchEvent('tap')
    await simulate.sleep(0)
  }
  return { comp, page, callFunction, navigateTo, wx: recorded, text, waitFor, tap }
}


/**
 * Subscription messages end to end, checked from the code: every template in types/templates.ts is
 * requested (requestSubscribeMessage) somewhere in the app — in a helper a page or component uses —
 * and sent by some cloud function, and every function that sends has `subscribeMessage.send` in its
 * config.json `permissions.openapi` (without it WeChat refuses every send). Each failure names what
 * is missing and who should be asked, at which moment.
 */
import fs from 'node:fs'
import path from 'node:path'
import { TEMPLATES, type TemplatePurpose } from '../../../types/templates'

const root = path.resolve(__dirname, '../../..')
const purposes = Object.keys(TEMPLATES) as TemplatePurpose[]

/** Who receives each message and the natural tap at which that person is asked (design.md, #13.3). */
const RECEIVER: Record<TemplatePurpose, string> = {
  noticeUnread: '会员：打开有未读公告的公开栏时',
  opinionReply: '署名提意见的会员：提交意见时',
  opinionOverdue: '主席：打开意见处理（收件箱）时',
  activityResult: '报名的会员：报名时',
  activityReminder: '报名的会员：报名时',
  activityNotice: '报名的会员：报名时',
  welfareTodo: '委员：打开慰问待办时',
  memberReviewed: '申请人：提交入会申请时',
}

function sources(dir: string): string[] {
  if (!fs.existsSync(dir)) return []
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name)
    if (e.isDirectory()) return e.name === 'node_modules' ? [] : sources(full)
    return /\.tsx?$/.test(e.name) && !/\.d\.ts$/.test(e.name) ? [full] : []
  })
}

const read = (file: string) => fs.readFileSync(file, 'utf8')
const rel = (file: string) => path.relative(root, file)

/** Purposes a source text refers to, by `TEMPLATES.<purpose>` or by the id itself. */
function purposesIn(text: string): TemplatePurpose[] {
  return purposes.filter((p) => new RegExp(`TEMPLATES\\.${p}\\b`).test(text) || text.includes(`'${TEMPLATES[p]}'`) || text.includes(`"${TEMPLATES[p]}"`))
}

const appFiles = sources(path.join(root, 'src'))
const requestingFiles = appFiles.filter((f) => read(f).includes('requestSubscribeMessage'))

const functionNames = fs.readdirSync(path.join(root, 'cloudfunctions'), { withFileTypes: true })
  .filter((d) => d.isDirectory() && !d.name.startsWith('_') && fs.existsSync(path.join(root, 'cloudfunctions', d.name, 'index.ts')))
  .map((d) => d.name)
const functionSources = (fn: string) => sources(path.join(root, 'cloudfunctions', fn)).map(read).join('\n')

function openapiOf(fn: string): string[] {
  const file = path.join(root, 'cloudfunctions', fn, 'config.json')
  if (!fs.existsSync(file)) return []
  return (JSON.parse(read(file)).permissions?.openapi ?? []) as string[]
}

describe('subscription messages: templates ↔ requests in the app ↔ sending functions ↔ permissions', () => {
  it('requests every template somewhere in the app, on a tap of the person who receives it', () => {
    const requested = new Set(requestingFiles.flatMap((f) => purposesIn(read(f))))
    const missing = purposes.filter((p) => !requested.has(p))
    if (missing.length) {
      throw new Error(`never requested with requestSubscribeMessage (nobody can receive them):\n  ${missing.map((p) => `${p} (${TEMPLATES[p]}) — ask ${RECEIVER[p]}`).join('\n  ')}`)
    }
  })

  it('asks from helpers that some page or component actually calls', () => {
    const unused = requestingFiles.filter((file) => {
      const exported = [...read(file).matchAll(/export\s+(?:async\s+)?(?:function|const)\s+(\w+)/g)].map((m) => m[1])
      if (exported.length === 0) return false
      return !appFiles.some((other) => other !== file && exported.some((name) => new RegExp(`\\b${name}\\b`).test(read(other))))
    })
    expect(unused.map(rel)).toEqual([])
  })

  it('asks for at most 3 templates at once (WeChat’s limit for one requestSubscribeMessage)', () => {
    const tooMany = requestingFiles.flatMap((f) => [...read(f).matchAll(/tmplIds\s*:\s*\[([^\]]*)\]/g)]
      .filter((m) => m[1].split(',').filter((s) => s.trim()).length > 3).map(() => rel(f)))
    expect(tooMany).toEqual([])
  })

  it('sends every template from some cloud function', () => {
    const sent = new Set(functionNames.flatMap((fn) => purposesIn(functionSources(fn))))
    const missing = purposes.filter((p) => !sent.has(p))
    if (missing.length) throw new Error(`no cloud function sends:\n  ${missing.map((p) => `${p} (${TEMPLATES[p]})`).join('\n  ')}`)
  })

  it('gives every function that sends subscribeMessage.send in its config.json permissions.openapi', () => {
    const senders = functionNames.filter((fn) => {
      const code = functionSources(fn)
      return purposesIn(code).length > 0 || /services\.notify\(|subscribeMessage\.send\(/.test(code)
    })
    expect(senders.length).toBeGreaterThan(0)
    const unpermitted = senders.filter((fn) => !openapiOf(fn).includes('subscribeMessage.send'))
    if (unpermitted.length) {
      throw new Error(`these functions send subscription messages but WeChat will refuse every one — add "subscribeMessage.send" to permissions.openapi in:\n  ${unpermitted.map((fn) => `cloudfunctions/${fn}/config.json (sends ${purposesIn(functionSources(fn)).join(', ') || 'messages'})`).join('\n  ')}`)
    }
  })

  it('keeps template ids only in types/templates.ts (so this check sees every use)', () => {
    const elsewhere = [...appFiles, ...sources(path.join(root, 'cloudfunctions'))]
      .filter((f) => purposes.some((p) => read(f).includes(`'${TEMPLATES[p]}'`) || read(f).includes(`"${TEMPLATES[p]}"`)))
    expect(elsewhere.map(rel)).toEqual([])
  })
})

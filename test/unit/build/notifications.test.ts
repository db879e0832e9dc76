/**
 * Subscription messages end to end, checked from the code: every template in types/templates.ts is
 * requested (requestSubscribeMessage) somewhere in the app — in a helper a page or component uses —
 * and sent by some cloud function, and every function that sends has `subscribeMessage.send` in its
 * config.json `permissions.openapi` (without it WeChat refuses every send). Each failure names what
 * is missing and who should be asked, at which moment.
 */
import { TEMPLATE_ABOUT, TEMPLATES, type TemplatePurpose } from '../../../types/templates'
import {
  canSend, functionNames, functionSource, read, relative, requestingFiles, root, sendingFunctions, sourceFiles, templatePurposes, templatesIn,
} from '../../../scripts/code-scan'
import path from 'node:path'

/** Who receives each message and the natural tap at which that person is asked (design.md, #13.3). */
const RECEIVER = Object.fromEntries(Object.entries(TEMPLATE_ABOUT).map(([k, v]) => [k, v.receiver])) as Record<TemplatePurpose, string>

const appFiles = sourceFiles(path.join(root, 'src'))
const requesting = requestingFiles()

describe('subscription messages: templates ↔ requests in the app ↔ sending functions ↔ permissions', () => {
  it('requests every template somewhere in the app, on a tap of the person who receives it', () => {
    const requested = new Set(requesting.flatMap((f) => templatesIn(read(f))))
    const missing = templatePurposes.filter((p) => !requested.has(p))
    if (missing.length) {
      throw new Error(`never requested with requestSubscribeMessage (nobody can receive them):\n  ${missing.map((p) => `${p} (${TEMPLATES[p]}) — ask ${RECEIVER[p]}`).join('\n  ')}`)
    }
  })

  it('asks from helpers that some page or component actually calls', () => {
    const unused = requesting.filter((file) => {
      const exported = [...read(file).matchAll(/export\s+(?:async\s+)?(?:function|const)\s+(\w+)/g)].map((m) => m[1])
      if (exported.length === 0) return false
      return !appFiles.some((other) => other !== file && exported.some((name) => new RegExp(`\\b${name}\\b`).test(read(other))))
    })
    expect(unused.map(relative)).toEqual([])
  })

  it('asks for at most 3 templates at once (WeChat’s limit for one requestSubscribeMessage)', () => {
    const tooMany = requesting.flatMap((f) => [...read(f).matchAll(/tmplIds\s*:\s*\[([^\]]*)\]/g)]
      .filter((m) => m[1].split(',').filter((s) => s.trim()).length > 3).map(() => relative(f)))
    expect(tooMany).toEqual([])
  })

  it('sends every template from some cloud function', () => {
    const sent = new Set(functionNames().flatMap((fn) => templatesIn(functionSource(fn))))
    const missing = templatePurposes.filter((p) => !sent.has(p))
    if (missing.length) throw new Error(`no cloud function sends:\n  ${missing.map((p) => `${p} (${TEMPLATES[p]})`).join('\n  ')}`)
  })

  it('gives every function that sends subscribeMessage.send in its config.json permissions.openapi', () => {
    const senders = sendingFunctions()
    expect(senders.length).toBeGreaterThan(0)
    const unpermitted = senders.filter((fn) => !canSend(fn))
    if (unpermitted.length) {
      throw new Error(`these functions send subscription messages but WeChat will refuse every one — add "subscribeMessage.send" to permissions.openapi in:\n  ${unpermitted.map((fn) => `cloudfunctions/${fn}/config.json (sends ${templatesIn(functionSource(fn)).join(', ') || 'messages'})`).join('\n  ')}`)
    }
  })

  it('keeps template ids only in types/templates.ts (so this check sees every use)', () => {
    const elsewhere = [...appFiles, ...sourceFiles(path.join(root, 'cloudfunctions'))]
      .filter((f) => templatePurposes.some((p) => read(f).includes(`'${TEMPLATES[p]}'`) || read(f).includes(`"${TEMPLATES[p]}"`)))
    expect(elsewhere.map(relative)).toEqual([])
  })
})

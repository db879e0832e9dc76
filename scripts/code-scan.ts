/**
 * Reading the repository's own code for what a deployment needs: which files the weapp build
 * compiles, which cloud functions exist and what their config.json grants, which subscription
 * templates the app requests and the functions send. Used by `npm run deploy:check` and by the
 * static notification test, so both see the code the same way.
 */
import fs from 'node:fs'
import path from 'node:path'
import { TEMPLATES, type TemplatePurpose } from '../types/templates'

export const root = path.resolve(__dirname, '..')
export const templatePurposes = Object.keys(TEMPLATES) as TemplatePurpose[]

/** TypeScript sources under `dir` (no declaration files, no node_modules). */
export function sourceFiles(dir: string): string[] {
  if (!fs.existsSync(dir)) return []
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name)
    if (e.isDirectory()) return e.name === 'node_modules' ? [] : sourceFiles(full)
    return /\.tsx?$/.test(e.name) && !e.name.endsWith('.d.ts') ? [full] : []
  })
}

export const read = (file: string) => fs.readFileSync(file, 'utf8')
export const relative = (file: string) => path.relative(root, file)

/** App sources the weapp build can compile: not the h5 platform files, not the local-only dev sign-in. */
export function weappSources(): string[] {
  return sourceFiles(path.join(root, 'src')).filter((f) => !/\.h5\.tsx?$/.test(f) && !f.includes(`${path.sep}dev${path.sep}`))
}

export interface FunctionConfig {
  permissions?: { openapi?: string[] }
  timeout?: number
  triggers?: Array<{ name: string; type: string; config: string }>
  /** extra environment variables a function documents for itself (the shared ones come from _shared/env.ts) */
  envVariables?: Record<string, string>
}

/** Every deployable cloud function (a folder with index.ts, not starting with `_`). */
export function functionNames(): string[] {
  const dir = path.join(root, 'cloudfunctions')
  return fs.readdirSync(dir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && !d.name.startsWith('_') && fs.existsSync(path.join(dir, d.name, 'index.ts')))
    .map((d) => d.name)
    .sort()
}

export function functionConfig(fn: string): FunctionConfig {
  const file = path.join(root, 'cloudfunctions', fn, 'config.json')
  return fs.existsSync(file) ? (JSON.parse(read(file)) as FunctionConfig) : {}
}

export const functionSource = (fn: string) => sourceFiles(path.join(root, 'cloudfunctions', fn)).map(read).join('\n')

/** Purposes a source text refers to, by `TEMPLATES.<purpose>` or by the id itself. */
export function templatesIn(text: string): TemplatePurpose[] {
  return templatePurposes.filter((p) => new RegExp(`TEMPLATES\\.${p}\\b`).test(text) || text.includes(`'${TEMPLATES[p]}'`) || text.includes(`"${TEMPLATES[p]}"`))
}

/** App files that call requestSubscribeMessage. */
export const requestingFiles = () => sourceFiles(path.join(root, 'src')).filter((f) => read(f).includes('requestSubscribeMessage'))

/** Functions that send subscription messages (name a template, or call notify / subscribeMessage.send). */
export function sendingFunctions(): string[] {
  return functionNames().filter((fn) => {
    const code = functionSource(fn)
    return templatesIn(code).length > 0 || /services\.notify\(|subscribeMessage\.send\(/.test(code)
  })
}

export const canSend = (fn: string) => (functionConfig(fn).permissions?.openapi ?? []).includes('subscribeMessage.send')

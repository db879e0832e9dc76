/**
 * Every BAD_INPUT message a person can see is Chinese and names the field as the form labels it:
 * for every action of every function, every field is tripped (missing, wrong type, too long, too
 * big, not a choice — nested ones too) and the message must hold no Latin field key and no
 * Number.MAX_SAFE_INTEGER. A new action or field without a Chinese label fails here.
 */
import type { Routes } from '../../../cloudfunctions/_shared/dispatch'
import { formatIssues } from '../../../cloudfunctions/_shared/input-issues'
import { trippingInputs, latinWords } from '../../support/input-walk'
import fs from 'node:fs'
import path from 'node:path'

// Every function, found from the folders (as deployed): a new domain is walked the day it appears.
const root = path.resolve(__dirname, '../../../cloudfunctions')
const functions: Record<string, Routes> = Object.fromEntries(fs.readdirSync(root, { withFileTypes: true })
  .filter((e) => e.isDirectory() && !e.name.startsWith('_') && fs.existsSync(path.join(root, e.name, 'routes.ts')))
  .map((e) => [e.name, (require(path.join(root, e.name, 'routes')) as { routes: Routes }).routes]))

it('walks every function with routes', () => {
  expect(Object.keys(functions).sort()).toEqual(expect.arrayContaining(['activity', 'congress', 'member', 'notice', 'opinion', 'plan', 'poll', 'welfare']))
})

describe.each(Object.entries(functions))('%s: input messages', (fn, routes) => {
  it.each(Object.keys(routes))(`${fn}.%s names every field in Chinese`, (name) => {
    const def = routes[name]
    const bad = new Set<string>()
    for (const input of trippingInputs(def.input)) {
      const parsed = def.input.safeParse(input)
      if (parsed.success) continue
      const { message, issues } = formatIssues(parsed.error.issues as any, def.labels)
      for (const m of [message, ...issues.map((i) => i.message)]) {
        if (/9007199254740991|Infinity|NaN/.test(m) || latinWords(m).length) bad.add(m)
      }
    }
    expect([...bad]).toEqual([])
  })
})

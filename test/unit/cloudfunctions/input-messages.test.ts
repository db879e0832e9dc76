/**
 * Every BAD_INPUT message a person can see is Chinese and names the field as the form labels it:
 * for every action of every function, every field is tripped (missing, wrong type, too long, too
 * big, not a choice — nested ones too) and the message must hold no Latin field key and no
 * Number.MAX_SAFE_INTEGER. A new action or field without a Chinese label fails here.
 */
import type { Routes } from '../../../cloudfunctions/_shared/dispatch'
import { formatIssues } from '../../../cloudfunctions/_shared/input-issues'
import { trippingInputs, latinWords } from '../../support/input-walk'
import { routes as member } from '../../../cloudfunctions/member/routes'
import { routes as notice } from '../../../cloudfunctions/notice/routes'
import { routes as opinion } from '../../../cloudfunctions/opinion/routes'
import { routes as activity } from '../../../cloudfunctions/activity/routes'
import { routes as welfare } from '../../../cloudfunctions/welfare/routes'
import { routes as poll } from '../../../cloudfunctions/poll/routes'

const functions: Record<string, Routes> = { member, notice, opinion, activity, welfare, poll }

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

/**
 * Every BAD_INPUT message of the congress function names its field in Chinese (the shared
 * input-messages walk, for this function: it lists the functions it walks by name).
 */
import { formatIssues } from '../../cloudfunctions/_shared/input-issues'
import { routes } from '../../cloudfunctions/congress/routes'
import { latinWords, trippingInputs } from '../support/input-walk'

it.each(Object.keys(routes))('congress.%s names every field in Chinese', (name) => {
  const def = (routes as Record<string, any>)[name]
  const bad = new Set<string>()
  for (const input of trippingInputs(def.input)) {
    const parsed = def.input.safeParse(input)
    if (parsed.success) continue
    const { message, issues } = formatIssues(parsed.error.issues as any, def.labels)
    for (const m of [message, ...issues.map((i) => i.message)]) if (/9007199254740991|Infinity|NaN/.test(m) || latinWords(m).length) bad.add(m)
  }
  expect([...bad]).toEqual([])
})

import manifest from '../../../cloudfunctions/_database/collections.json'
import securityRules from '../../../cloudfunctions/_database/security-rules.json'
import { COLLECTIONS } from '../../../cloudfunctions/_shared/documents'

const deployed = Object.entries(manifest.collections as Record<string, { about?: string }>)
  .filter(([, spec]) => !String(spec.about ?? '').startsWith('test only'))
  .map(([name]) => name)

describe('database manifest and security rules', () => {
  it('lists every collection the functions use', () => {
    for (const name of Object.values(COLLECTIONS)) expect(Object.keys(manifest.collections)).toContain(name)
  })

  it('denies client read and write on every deployed collection', () => {
    const rules = securityRules.rules as Record<string, { read: unknown; write: unknown }>
    for (const name of deployed) expect({ name, rule: rules[name] }).toEqual({ name, rule: { read: false, write: false } })
  })
})

/** The page-test harness itself: wrong fixtures are caught, not rendered as a quiet error state. */
import * as z from 'zod/mini'
import { allowLogs, loadPage, loggedSoFar } from './support/load-page'
import { checked, cloud, hexId, people } from './support/fixtures'

describe('weapp page-test harness', () => {
  it('notices when the page logs the app’s schema warning for a wrong canned answer (and fails the test unless allowed)', async () => {
    const p = await loadPage('pages/opinions/index', cloud('member', { 'opinion.publicStats': { year: '2026' } }))
    await p.waitFor(() => loggedSoFar().some((l) => l.includes('[call] opinion.publicStats schema')), 'the schema warning to be recorded')
    allowLogs(/opinion\.publicStats schema/)
  })

  it('checked() names the field that does not match', () => {
    expect(() => checked(z.object({ total: z.int() }), { total: 'many' } as never, 'stats')).toThrow(/stats does not match[\s\S]*total/)
  })

  it('has member.me answers for every kind of caller, with ids like the functions create', () => {
    expect(Object.keys(people)).toEqual(expect.arrayContaining(['visitor', 'applicant', 'removed', 'member', 'retiree', 'committee', 'chair']))
    expect(people.chair.member.id).toMatch(/^[0-9a-f]{32}$/)
    expect(hexId('a')).not.toBe(hexId('b'))
  })
})

/** The ledger's list queries are answered from the manifest's welfare indexes (plans from /local/db/explain). */
import { EJSON } from 'bson'
import { localCloudUrl } from '../support/cloud'
import { seededEnv } from './helpers'

let env: string
beforeAll(async () => { ({ env } = await seededEnv('welfare-indexes')) })

async function plan(collection: string, query: object, order: object): Promise<string> {
  const res = await fetch(`${localCloudUrl()}/local/db/explain`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ env, collection, query: EJSON.stringify(query), order: EJSON.stringify(order), limit: 20 }),
  })
  return ((await res.json()).plan as string[]).join('\n')
}

const year = { visitDate: { $gte: '2026-01-01', $lt: '2027-01-01' } }

describe('welfare queries use indexes', () => {
  it('one year, latest first', async () => {
    expect(await plan('welfare_visits', year, { visitDate: -1 })).toMatch(/ix_welfare_visits_visit_date/)
  })
  it('one year of one reason', async () => {
    expect(await plan('welfare_visits', { ...year, reason: '节日慰问' }, { visitDate: -1 })).toMatch(/ix_welfare_visits_reason_date/)
  })
  it('one fund', async () => {
    expect(await plan('welfare_visits', { ...year, fund: '行政' }, { visitDate: -1 })).toMatch(/ix_welfare_visits_fund_date/)
  })
  it('one person’s history', async () => {
    expect(await plan('welfare_visits', { 'recipient.memberId': 'mem030' }, { visitDate: -1 })).toMatch(/ix_welfare_visits_recipient_date/)
  })
  it('a plan’s entries, unvisited first', async () => {
    expect(await plan('welfare_visits', { planId: 'wplan001' }, { state: -1 })).toMatch(/ix_welfare_visits_plan_state/)
  })
  it('hospital follow-ups due', async () => {
    expect(await plan('welfare_visits', { reason: '生病住院', followUpOn: { $gte: '2026-10-01', $lte: '2026-11-25' } }, { followUpOn: 1 })).toMatch(/ix_welfare_visits_reason_followup/)
  })
})

/**
 * The list queries of the read functions are answered from the manifest's indexes (plans from
 * the local cloud's /local/db/explain, which runs the store's own code).
 */
import { EJSON } from 'bson'
import { localCloudUrl } from '../support/cloud'
import { seededEnv } from './helpers'

let env: string
beforeAll(async () => { ({ env } = await seededEnv('indexes')) })

async function plan(collection: string, query: object, order: object): Promise<string> {
  const res = await fetch(`${localCloudUrl()}/local/db/explain`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ env, collection, query: EJSON.stringify(query), order: EJSON.stringify(order), limit: 20 }),
  })
  return ((await res.json()).plan as string[]).join('\n')
}

describe('list queries use indexes', () => {
  it('notice.list for a visitor (published + public, pinned then newest)', async () => {
    expect(await plan('notices', { state: 'published', visibility: 'public' }, { pinned: -1, publishedAt: -1 }))
      .toMatch(/ix_notices_state_visibility_pinned_published/)
  })

  it('notice.list for a member filtered by category', async () => {
    expect(await plan('notices', { state: 'published', category: '人事' }, { pinned: -1, publishedAt: -1 }))
      .toMatch(/ix_notices_state_category_pinned_published/)
  })

  it('notice.list for a member', async () => {
    expect(await plan('notices', { state: 'published' }, { pinned: -1, publishedAt: -1 })).toMatch(/ix_notices_state_/)
  })

  it('activity.list', async () => {
    // With a demo's few rows the planner may pick either index led by state (state_start or state_pending).
    expect(await plan('activities', { state: 'published' }, { startAt: -1 })).toMatch(/ix_activities_state_/)
  })

  it('opinion.mine', async () => {
    expect(await plan('opinions', { memberId: 'mem003', anonymous: false }, { submittedOn: -1 })).toMatch(/ix_opinions_member_submitted/)
  })

  it('welfare.list by year', async () => {
    expect(await plan('welfare_visits', { visitDate: { $gte: '2026-01-01', $lt: '2027-01-01' } }, { visitDate: -1 })).toMatch(/ix_welfare_visits_visit_date/)
  })
})

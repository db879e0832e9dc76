/** Every notice query shape is answered from a manifest index (plans from /local/db/explain). */
import { EJSON } from 'bson'
import { localCloudUrl } from '../support/cloud'
import { seededEnv } from './helpers'

let env: string
beforeAll(async () => { ({ env } = await seededEnv('notice-ix')) })

async function plan(collection: string, query: object, order: object): Promise<string> {
  const res = await fetch(`${localCloudUrl()}/local/db/explain`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ env, collection, query: EJSON.stringify(query), order: EJSON.stringify(order), limit: 20 }),
  })
  return ((await res.json()).plan as string[]).join('\n')
}

it.each([
  ['list: visitor filtered by category', 'notices', { state: 'published', visibility: 'public', category: '人事' }, { pinned: -1, publishedAt: -1 }, 'ix_notices_state_visibility_category_pinned_published'],
  ['manageList: drafts, latest change first', 'notices', { state: 'draft' }, { updatedAt: -1 }, 'ix_notices_state_updated'],
  ['exportLedger: published in a range', 'notices', { publishedAt: { $gte: new Date('2026-01-01'), $lt: new Date('2027-01-01') } }, { publishedAt: 1 }, 'ix_notices_published_at'],
  ['get: versions of a notice', 'notice_versions', { noticeId: 'n1' }, { version: -1 }, 'ix_notice_versions_notice_version_unique'],
  ['readers: reads of a notice', 'notice_reads', { noticeId: 'n1' }, { memberId: 1 }, 'ix_notice_reads_notice_member_unique'],
  ['list: this member’s reads', 'notice_reads', { memberId: 'mem003', noticeId: { $in: ['n1', 'n2'] } }, {}, 'ix_notice_reads_'],
  ['objections of a notice', 'notice_objections', { noticeId: 'n1' }, { raisedAt: 1 }, 'ix_notice_objections_notice_'],
  ['my objections on a notice', 'notice_objections', { noticeId: 'n1', memberId: 'mem003' }, { raisedAt: 1 }, 'ix_notice_objections_notice_'],
  ['pendingObjections: unanswered, oldest first', 'notice_objections', { answered: false }, { raisedAt: 1 }, 'ix_notice_objections_answered_raised'],
  ['desk: damaged files not yet replaced', 'notice_file_alerts', { resolved: false }, {}, 'ix_notice_file_alerts_resolved_found'],
])('%s', async (_label, collection, query, order, index) => {
  expect(await plan(collection, query, order)).toContain(index)
})

// Keyword search: searchTerms holds arrays (multikey), so `_.all(terms)` is narrowed by containment
// on its GIN index, built in the background once the field first held an array — waited for here.
// (With the board's filters and order too, PostgreSQL picks the index by selectivity: on this small
// seeded table the board index; `npm run bench -- notice` times it at 10,000 and 100,000 notices.)
it('search: keyword terms from the containment index', async () => {
  const query = { searchTerms: { $all: ['体检', '检通'] } }
  let shown = ''
  for (let tries = 0; tries < 50 && !shown.includes('gx_notices_searchTerms'); tries++) {
    shown = await plan('notices', query, {})
    if (!shown.includes('gx_notices_searchTerms')) await new Promise((r) => setTimeout(r, 200))
  }
  expect(shown).toContain('gx_notices_searchTerms')
})

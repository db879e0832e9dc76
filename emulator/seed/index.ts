/**
 * Demo data for the local cloud (`npm start` seeds an empty environment; `npm run seed:reset`
 * starts over; function tests seed their own environment). Never part of a deployed build.
 *
 * Document shapes (full types with comments: cloudfunctions/_shared/documents.ts). Instants are
 * UTC Dates, calendar days 'YYYY-MM-DD' in Asia/Shanghai, money integer 分, people by member _id.
 *   members          { openid, name, department, status: 在职|离退休, membership: pending|approved|rejected|removed,
 *                      role: member|committee|chair, gender, staffNo, phone, birthday 'MM-DD', birthYear, joinedVia,
 *                      createdAt, updatedAt, approvedAt?, removedAt? }
 *   notices          { title, category, visibility: internal|public, pinned, state: draft|published|withdrawn, body: blocks[],
 *                      attachments[], version, correctionCount, publicityStart?, publicityEnd?, publishedAt?, withdrawnAt?,
 *                      withdrawReason?, createdBy, createdAt, updatedAt }
 *   notice_versions  { _id: `${noticeId}_v${n}`, noticeId, version, title, body, attachments, reason? (n > 1), publishedAt, publishedBy }
 *   notice_reads     { _id: `${noticeId}_${memberId}`, noticeId, memberId, firstReadAt }
 *   activities       { title, category, description, place, startAt, endAt, signupStartAt, signupEndAt, capacity (0 = unlimited),
 *                      waitlist, audience { kind, departments? }, fields[], guests? { max, countsTowardCapacity }, cancelPolicy,
 *                      frequency? { key, years }, needsApproval, state: draft|published|cancelled|finished, seatsTaken, confirmedCount,
 *                      pendingCount, waitlistCount, waitSeq, createdBy, createdAt, updatedAt, publishedAt? }
 *   registrations    { _id: `${activityId}_${memberId}`, activityId, memberId, memberName, department,
 *                      state: claiming|confirmed|pending|waitlisted|cancelled|rejected, waitSeq?, answers, guests, seats,
 *                      seriesKey?, activityStartAt?, createdAt, updatedAt, checkedInAt? }
 *   opinions         { _id random, category, text, images, anonymous, memberId? (named only), submittedOn, dueOn,
 *                      state: pending|processing|replied|closed|rejected, assigneeId?, replies[{ text, repliedAt, by }],
 *                      followUps[{ text, on }], rating?, rejectReason?, qaId? } — anonymous: no openid, member id or time of day
 *   opinion_qa       { opinionId?, category, question, answer, state: published|withdrawn, publishedAt, publishedBy }
 *   welfare_visits   { recipient { kind: member|other, memberId?, name, department?, relation? }, reason, visitDate,
 *                      visitors[{ memberId, name }], cashFen, gifts[{ name, valueFen }], fund, notes, photos, state: planned|done,
 *                      createdBy, createdAt, updatedAt }
 *   app_meta         { _id: 'seed', state: seeding|done, startedAt, seededAt?, counts? }; 'departments' { list };
 *                    'join_settings' { group, invite, roster, openGId? }; 'roster' { activeBatch, rows, importedAt, fileName }
 *   roster           { batchId, name, department, staffNo, status, gender?, birthday?, birthYear?, phone? }
 *   invites          { _id code, note, expiresAt, maxUses, remaining, autoApprove, revoked, createdBy, createdAt }
 *   notice_objections, welfare_plans, welfare_people, audit_log: see cloudfunctions/_shared/documents.ts and the
 *                    domain documents files; the manifest (collections.json) describes every collection.
 */
import manifest from '../../cloudfunctions/_database/collections.json'
import type { Database } from '../../cloudfunctions/_shared/context'
import { COLLECTIONS } from '../../cloudfunctions/_shared/documents'
import { buildDemoData, type DemoData } from './demo-data'
import { withDemoPolls } from './polls'
import { withDemoCongress } from './congress'
import { withDemoPlans } from './plan'

export { personas, persona, type Persona, type PersonaKey } from './personas'
export { buildDemoData } from './demo-data'

const MARKER = 'seed'
const BATCH = 50

/** Collections a deployment has (the manifest minus the local cloud's own test collections). */
function deployedCollections(): string[] {
  return Object.entries(manifest.collections as Record<string, { about?: string }>)
    .filter(([, spec]) => !String(spec.about ?? '').startsWith('test only'))
    .map(([name]) => name)
}

function isDuplicateKey(err: unknown): boolean {
  const e = err as { errCode?: number; errMsg?: string; message?: string }
  return e?.errCode === -502001 || /E11000|duplicate key/i.test(`${e?.errMsg ?? ''} ${e?.message ?? ''}`)
}

async function countAll(db: Database): Promise<Record<string, number>> {
  const counts: Record<string, number> = {}
  for (const name of deployedCollections()) counts[name] = ((await db.collection(name).count()) as { total: number }).total
  return counts
}

async function removeAll(db: Database): Promise<void> {
  const _ = db.command
  for (const name of deployedCollections()) await db.collection(name).where({ _id: _.exists(true) }).remove()
}

/**
 * Idempotent: a marker document is claimed first (its fixed _id makes a concurrent second seed
 * fail on the duplicate key and skip), so an environment is seeded once unless `reset`, which
 * removes every document of every collection first.
 */
export async function seedDemoData(db: Database, opts: { reset: boolean; now?: Date }): Promise<{ seeded: boolean; counts: Record<string, number> }> {
  const now = opts.now ?? new Date()
  if (opts.reset) await removeAll(db)
  try {
    await db.collection(COLLECTIONS.appMeta).add({ data: { _id: MARKER, state: 'seeding', startedAt: now } })
  } catch (err) {
    if (isDuplicateKey(err)) return { seeded: false, counts: await countAll(db) }
    throw err
  }
  const data = withDemoPlans(withDemoCongress(withDemoPolls(buildDemoData(now), now), now), now)
  const counts: Record<string, number> = {}
  for (const name of Object.keys(data) as Array<keyof DemoData>) {
    const docs = data[name] as unknown as Array<Record<string, unknown>>
    for (let i = 0; i < docs.length; i += BATCH) await db.collection(name).add({ data: docs.slice(i, i + BATCH) as any })
    counts[name] = docs.length
  }
  await db.collection(COLLECTIONS.appMeta).doc(MARKER).update({ data: { state: 'done', seededAt: new Date(), counts } })
  return { seeded: true, counts }
}

/**
 * Creating a holiday plan, exactly once and never half. A plan writes up to 300 entries — too many
 * for one transaction (it would hold the database for seconds), so creation is resumable instead:
 *  1. The head is inserted first, state `creating`, its `_id` derived from the form's requestId, the
 *     people and visitors fixed in it. A double tap or a retry lands on the same head (duplicate key).
 *  2. One entry per person, `_id` `<planId>_<memberId>` (65 characters): a repeated insert is a
 *     duplicate key and is ignored, so each person has exactly one entry however often this runs.
 *  3. One transaction turns the head `active` and writes the audit entry: both or neither.
 * A crash anywhere leaves a `creating` head that no plan list or 待办 shows; the retry with the same
 * requestId — or the next look at the plan list, for a creator who never retried — runs 2–3 again.
 * Afterwards: one plan, total = people = entries, one audit entry.
 */
import type { WelfarePlanCreateInput } from '../../types/welfare'
import type { Ctx } from '../_shared/context'
import { createdId, isDuplicateKey } from '../_shared/create-once'
import { COLLECTIONS, type MemberDoc, type WelfareVisitDoc } from '../_shared/documents'
import { inTransaction } from '../_shared/transaction'
import type { WelfarePlanDoc } from './documents'
import { audit } from './log'
import { giftSum } from './shape'
import { PLANS, VISITS, getDoc, loadPlan, planEntryId } from './store'

type Person = { memberId: string; name: string; department: string }
type PlanFields = Omit<WelfarePlanDoc, '_id' | 'state' | 'total' | 'people' | 'visitors' | 'createdBy' | 'createdAt' | 'updatedAt'>

/** Inserts run this many at a time: fast enough for 300, gentle on the database. */
const PARALLEL_INSERTS = 10
/** A `creating` head older than this was abandoned by its creator (the app retries within seconds). */
const ABANDONED_AFTER_MS = 2 * 60_000

export const planIdFor = (ctx: Ctx, input: Pick<WelfarePlanCreateInput, 'requestId'>) => createdId(ctx.openid, 'welfare.plan', input.requestId)

/**
 * Step 1: the head as written, or the one an earlier attempt wrote. The caller has just read that no
 * head exists; a duplicate key here is a lost race — a simultaneous tap with the same requestId
 * inserted first — and its head is read on purpose: its people, fixed at its own moment, are the
 * entries every attempt must write, and this call has never seen them (the read before found nothing).
 */
export async function insertHead(ctx: Ctx, planId: string, fields: PlanFields, people: Person[], visitors: Array<{ memberId: string; name: string }>): Promise<WelfarePlanDoc> {
  const head: WelfarePlanDoc = {
    _id: planId, ...fields, state: 'creating', total: people.length, people, visitors,
    createdBy: ctx.member!._id, createdAt: ctx.now, updatedAt: ctx.now,
  }
  try {
    await ctx.db.collection(PLANS).add({ data: head })
    return head
  } catch (err) {
    if (!isDuplicateKey(err)) throw err
    return loadPlan(ctx.db, planId)
  }
}

function entryOf(p: WelfarePlanDoc, person: Person): WelfareVisitDoc {
  return {
    _id: planEntryId(p._id, person.memberId), recipient: { kind: 'member', memberId: person.memberId, name: person.name, department: person.department },
    reason: p.reason, visitDate: p.plannedDate, month: p.plannedDate.slice(0, 7), visitors: p.visitors ?? [], cashFen: p.cashFenEach,
    gifts: p.gifts, giftFen: giftSum(p.gifts), fund: p.fund, notes: '', photos: [], state: 'planned', planId: p._id, revision: 1,
    createdBy: p.createdBy, createdAt: p.createdAt, updatedAt: p.createdAt, updatedBy: p.createdBy,
  }
}

/** Step 2: every entry, once. */
async function insertEntries(ctx: Ctx, p: WelfarePlanDoc): Promise<void> {
  const people = p.people ?? []
  const visits = ctx.db.collection(VISITS)
  for (let i = 0; i < people.length; i += PARALLEL_INSERTS) {
    await Promise.all(people.slice(i, i + PARALLEL_INSERTS).map(async (person) => {
      try {
        await visits.add({ data: entryOf(p, person) })
      } catch (err) {
        if (!isDuplicateKey(err)) throw err
      }
    }))
  }
}

/** Step 3: active + audit, together; a finished plan is left as it is. The caller in `ctx` signs the entry. */
async function activate(ctx: Ctx, planId: string): Promise<WelfarePlanDoc> {
  return inTransaction(ctx.db, async (t) => {
    const p = await loadPlan(t, planId)
    if (p.state !== 'creating') return p
    await t.collection(PLANS).doc(planId).update({ data: { state: 'active', updatedAt: ctx.now } })
    const { people = [], visitors = [], ...plan } = p
    await audit(ctx, {
      action: 'welfare.planCreate', target: { kind: 'welfarePlan', id: planId, label: p.title },
      after: { title: plan.title, reason: plan.reason, plannedDate: plan.plannedDate, cashFenEach: plan.cashFenEach, gifts: plan.gifts, fund: plan.fund, total: plan.total, people: people.map((x) => x.name), visitors: visitors.map((x) => x.name) },
    }, t)
    return { ...p, state: 'active' }
  })
}

/** Steps 2–3 for a head in `creating` (idempotent: safe to run twice at once). */
export async function finishPlan(ctx: Ctx, p: WelfarePlanDoc): Promise<WelfarePlanDoc> {
  if (p.state !== 'creating') return p
  await insertEntries(ctx, p)
  return activate(ctx, p._id)
}

/**
 * Plans whose creator never came back (the app was closed mid-way): welfare.plans reads at most 3 of
 * them with its page and finishes them, signed by that creator — they asked for it. Each finish is
 * idempotent, so two callers at once are harmless.
 */
export function abandonedWhere(ctx: Ctx): Record<string, unknown> {
  return { state: 'creating', createdAt: ctx.db.command.lt(new Date(ctx.now.getTime() - ABANDONED_AFTER_MS)) }
}

/** Finishes abandoned plans found by `abandonedWhere`, each signed by its creator. */
export async function finishThese(ctx: Ctx, stale: WelfarePlanDoc[]): Promise<void> {
  for (const p of stale) {
    const creator = await getDoc<MemberDoc>(ctx.db, COLLECTIONS.members, p.createdBy)
    if (creator) await finishPlan({ ...ctx, member: creator }, p)
  }
}

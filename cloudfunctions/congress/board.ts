/**
 * The two pages that list a session's proposals, each opened by ONE call of 3 database requests whatever
 * the session holds (#18): 1. the caller (the context's member look-up), 2. the session (named, or the
 * latest), 3. `sessionBundle` — one aggregate whose lookups bring everything else. The answers are built
 * by the same functions as the `session`, `list` and `attendance` actions, so they cannot disagree.
 */
import { deskQueueStates, type BoardOutput, type DeskOutput, type ProposalState } from '../../types/congress'
import type { Ctx } from '../_shared/context'
import { forbidden } from '../_shared/errors'
import type { SessionDoc } from './documents'
import { quorumOf } from './sign-in'
import { isProposalCommittee, latestSession, loadSession, sessionBundle } from './store'
import { listOf, viewOf } from './views'

export const DESK_ONLY = '只有提案工作委员会委员和主席可以使用提案工作台'

const sessionOf = (ctx: Ctx, sessionId: string | undefined): Promise<SessionDoc | null> => (sessionId ? loadSession(ctx.db, sessionId) : latestSession(ctx.db))

/** 教代会提案: the session and the first page of its proposals under the filter chosen. */
export async function board(ctx: Ctx, input: { sessionId?: string; state?: ProposalState; mine: boolean }): Promise<BoardOutput> {
  const s = await sessionOf(ctx, input.sessionId)
  if (!s) return { session: null, list: { items: [], page: 1, total: 0 } }
  const b = await sessionBundle(ctx, s, { invites: true })
  return { session: viewOf(ctx, s, b), list: listOf(ctx, b.proposals, b.invited, input, 1) }
}

/**
 * 提案工作台 (提案工作委员会 and the chair): the session, each queue's first page and total, and the quorum.
 * The queues hold no drafts, so every member could list them; the desk is still the committee's alone.
 */
export async function desk(ctx: Ctx, input: { sessionId?: string }): Promise<DeskOutput> {
  const s = await sessionOf(ctx, input.sessionId)
  if (!s) return { session: null, queues: [], attendance: null }
  if (!isProposalCommittee(ctx, s)) throw forbidden(DESK_ONLY)
  const b = await sessionBundle(ctx, s, { attendance: true })
  const queues = deskQueueStates.map((state) => {
    const { items, total } = listOf(ctx, b.proposals, b.invited, { state, mine: false }, 1)
    return { state, items, total }
  })
  return { session: viewOf(ctx, s, b), queues, attendance: quorumOf(b) }
}

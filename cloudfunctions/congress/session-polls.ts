/**
 * The session's 票决: read-only view of `polls` (poll function). A poll belongs to a session when its
 * electorate is that session's 代表 (`electorate: { kind: 'delegates', sessionId }`, chosen in the poll
 * editor) — the link is written once, on the poll, when the poll is created; the session reads it here
 * (index polls.electorate_session) instead of keeping a second copy that could disagree. Drafts and
 * discarded polls are not part of the record. Only this file reads `polls`.
 */
import type { Database } from '../_shared/context'
import { MAX_QUERY } from '../_shared/documents'
import { subPipeline } from '../_shared/query'
import { shanghaiDate } from '../_shared/time'
import type { PollDoc } from '../poll/documents'

const POLLS = 'polls'
const HELD = ['opening', 'open', 'closing', 'closed', 'publishing', 'published']
const LABEL: Record<string, string> = { opening: '投票中', open: '投票中', closing: '已结束', closed: '已结束', publishing: '已结束', published: '已公布' }

export interface SessionPoll { id: string; title: string; state: string; closesOn: string; done: boolean }

export type PollRow = Pick<PollDoc, '_id' | 'title' | 'state' | 'closesAt'>

/** The session's 票决 in the order they were created, as a lookup into `as` (store.ts `sessionBundle`). */
export function sessionPollsLookup(db: Database, sessionId: string, as: string): { from: string; pipeline: unknown; as: string } {
  const _ = db.command
  const pipeline = subPipeline(db)
    .match({ 'electorate.sessionId': sessionId, 'electorate.kind': 'delegates', kind: 'vote', state: _.in(HELD) })
    .sort({ createdAt: 1 }).limit(MAX_QUERY).project({ _id: true, title: true, state: true, closesAt: true }).done()
  return { from: POLLS, pipeline, as }
}

export function sessionPollViews(rows: PollRow[]): SessionPoll[] {
  return rows.map((p) => ({
    id: p._id, title: p.title, state: LABEL[p.state], closesOn: shanghaiDate(new Date(p.closesAt)),
    done: p.state !== 'open' && p.state !== 'opening',
  }))
}

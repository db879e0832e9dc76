/**
 * The session's 票决: read-only view of `polls` (poll function). A poll belongs to a session when its
 * electorate is that session's 代表 (`electorate: { kind: 'delegates', sessionId }`, chosen in the poll
 * editor) — the link is written once, on the poll, when the poll is created; the session reads it here
 * (index polls.electorate_session) instead of keeping a second copy that could disagree. Drafts and
 * discarded polls are not part of the record. Only this file reads `polls`.
 */
import type { Database } from '../_shared/context'
import { MAX_QUERY } from '../_shared/documents'
import { docs } from '../_shared/query'
import { shanghaiDate } from '../_shared/time'
import type { PollDoc } from '../poll/documents'

const POLLS = 'polls'
const HELD = ['opening', 'open', 'closing', 'closed', 'publishing', 'published']
const LABEL: Record<string, string> = { opening: '投票中', open: '投票中', closing: '已结束', closed: '已结束', publishing: '已结束', published: '已公布' }

export interface SessionPoll { id: string; title: string; state: string; closesOn: string; done: boolean }

export async function sessionPolls(db: Database, sessionId: string): Promise<SessionPoll[]> {
  const _ = db.command
  const rows = await docs<Pick<PollDoc, '_id' | 'title' | 'state' | 'closesAt'>>(db.collection(POLLS)
    .where({ 'electorate.sessionId': sessionId, 'electorate.kind': 'delegates', kind: 'vote', state: _.in(HELD) })
    .orderBy('createdAt', 'asc').limit(MAX_QUERY).field({ _id: true, title: true, state: true, closesAt: true }))
  return rows.map((p) => ({
    id: p._id, title: p.title, state: LABEL[p.state], closesOn: shanghaiDate(new Date(p.closesAt)),
    done: p.state !== 'open' && p.state !== 'opening',
  }))
}

/**
 * After the count: the results notice for 校务公开 (a draft with a 公示期 that the chair reviews and
 * publishes through the notice pages, where objections work as for any notice), and the run-off
 * round of a 评选 whose ties or shortfall left seats open.
 */
import type { NoticeBlock, NoticeCategory, NoticeVisibility } from '../../types/notice'
import { pollKindLabels } from '../../types/poll'
import { auditedUpdate, recordAudit } from '../_shared/audit'
import { requireMember, type Ctx } from '../_shared/context'
import { AppError } from '../_shared/errors'
import { createNoticeDraft } from '../_shared/notice-drafts'
import { addDays, addShanghaiDays, shanghaiDate, startOfShanghaiDay } from '../_shared/time'
import { randomHex } from '../_shared/codes'
import type { PollDoc } from './documents'
import { conclusion, headline, resultTables } from './figures'
import { readableResults, resultsView } from './results'
import { POLL_COLLECTIONS as C, getDoc, inTransaction, loadPoll } from './store'

/** A publishing step older than this was abandoned (its instance died): another tap may take it over. */
const STALE_CLAIM_MS = 30_000

function category(p: PollDoc): NoticeCategory {
  if (p.electorate.kind === 'delegates') return '教代会'
  return p.kind === 'vote' ? '校务' : '人事'
}

function noticeBody(ctx: Ctx, p: PollDoc, r: ReturnType<typeof resultsView>, days: number): NoticeBlock[] {
  const blocks: NoticeBlock[] = [{ type: 'paragraph', text: '各位教职工：' }]
  for (const line of headline(r)) blocks.push({ type: 'paragraph', text: line })
  for (const t of resultTables(r, p.allowUnknown)) blocks.push({ type: 'table', header: t.header, rows: t.rows.slice(0, 100) })
  const end = conclusion(r)
  if (end) blocks.push({ type: 'paragraph', text: end })
  blocks.push(
    { type: 'paragraph', text: '本次投票不记名：系统只记录谁已投票，不记录谁投了什么；每张选票和它的核对码已在“投票与测评”中向投票人公开，投票人可凭核对码查到自己的选票。' },
    { type: 'paragraph', text: `公示期 ${days} 天。对结果有异议的，请在公示期内通过本公告提出。` },
    { type: 'paragraph', text: `校工会\u3000${shanghaiDate(ctx.now)}`, bold: true },
  )
  return blocks
}

export async function publishResults(ctx: Ctx, id: string, days: number, visibility: NoticeVisibility): Promise<{ noticeId: string }> {
  const p = await loadPoll(ctx.db, id)
  if (p.state === 'published' && p.noticeId) return { noticeId: p.noticeId }
  const stale = p.state === 'publishing' && p.claim && ctx.now.getTime() - new Date(p.claim.at).getTime() > STALE_CLAIM_MS
  if (p.state === 'publishing' && !stale) throw new AppError('CONFLICT', '正在生成结果公示，请稍候刷新')
  if (p.state !== 'closed' && !stale) throw new AppError('CONFLICT', '投票结束后才能公布结果')
  const r = resultsView(ctx, p, await readableResults(ctx, p))
  const token = randomHex()
  const where: Record<string, unknown> = { _id: id, state: p.state, ...(p.claim ? { 'claim.token': p.claim.token } : {}) }
  const claimed = (await ctx.db.collection(C.polls).where(where).update({ data: { state: 'publishing', claim: { token, at: ctx.now } } })) as { stats: { updated: number } }
  if (claimed.stats.updated !== 1) throw new AppError('CONFLICT', '刚被其他人处理过，请刷新后查看')
  const today = shanghaiDate(ctx.now)
  const title = `${p.title.slice(0, 40)}结果公示`
  const { id: noticeId } = await createNoticeDraft(ctx, {
    title, category: category(p), visibility, body: noticeBody(ctx, p, r, days),
    publicityStart: startOfShanghaiDay(today), publicityEnd: startOfShanghaiDay(addDays(today, days)),
  })
  // published and audited together, by the holder of the claim only (a run killed before this is taken over after STALE_CLAIM_MS)
  await auditedUpdate<PollDoc>(ctx, C.polls, id, (now) => (now?.state !== 'publishing' || now.claim?.token !== token ? null : {
    data: { state: 'published', noticeId, claim: ctx.db.command.remove(), updatedAt: ctx.now },
    entry: { action: 'poll.publish', target: { kind: 'poll', id, label: p.title }, before: { state: 'closed' }, after: { state: 'published', noticeId, publicityDays: days } },
  }))
  return { noticeId }
}

const ROUND_NAMES = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十']

/** The next round of a 评选 between the tied (or best-placed) candidates, as a draft on the same frozen roster. */
export async function startRunoff(ctx: Ctx, id: string): Promise<{ id: string }> {
  const p = await loadPoll(ctx.db, id)
  if (p.kind !== 'election') throw new AppError('CONFLICT', `${pollKindLabels[p.kind]}没有第二轮`)
  const r = resultsView(ctx, p, await readableResults(ctx, p))
  const runoff = r.election?.rows.filter((row) => row.status === 'runoff') ?? []
  if (r.outcome !== 'valid' || runoff.length === 0) throw new AppError('CONFLICT', '本轮已决出结果，不需要下一轮')
  const childId = `${p._id}_r${p.round + 1}`
  const suffix = `（第${ROUND_NAMES[p.round] ?? p.round + 1}轮）`
  const child: PollDoc = {
    _id: childId, title: `${p.title.replace(/（第.轮）$/, '').slice(0, 40 - suffix.length)}${suffix}`, kind: 'election', description: p.description,
    items: runoff.map((row, i) => ({ id: `i${i + 1}`, name: row.name, note: row.note })),
    allowUnknown: false, criteria: false, comments: false, seats: r.election!.runoffSeats, rule: p.rule, quorum: p.quorum,
    electorate: { kind: 'runoff', departments: [], memberIds: [] }, closesAt: addShanghaiDays(ctx.now, 1),
    state: 'draft', revision: 1, round: p.round + 1, parentId: p._id,
    slipsPrinted: 0, slipsIssued: 0, slipsUsed: 0, slipFiles: [], createdBy: requireMember(ctx)._id, createdAt: ctx.now, updatedAt: ctx.now,
  }
  // the round, its link from this one and the audit entry in one transaction; a second tap finds the round
  await inTransaction(ctx.db, async (t) => {
    if (await getDoc<PollDoc>(t, C.polls, childId)) return
    await t.collection(C.polls).add({ data: child })
    await t.collection(C.polls).doc(id).update({ data: { runoffId: childId, updatedAt: ctx.now } })
    await recordAudit(t, ctx, { action: 'poll.runoff', target: { kind: 'poll', id: childId, label: child.title }, after: { parentId: id, candidates: child.items.map((it) => it.name), seats: child.seats } })
  })
  return { id: childId }
}

/**
 * The year's 台帐: one zip in cloud storage, its files named as a person would file them:
 *   2026年工会台帐/00-目录.docx
 *   2026年工会台帐/01-工作计划/2026年工会工作计划.docx          02-工作总结/2026年工会工作总结.docx
 *   2026年工会台帐/03-会议记录/2026-03-05 工会委员会议.docx    04-校务公开/2026-03-10 <标题> 备案.docx
 *   2026年工会台帐/05-意见台账/2026年意见台账.xlsx (anonymous items: 匿名, nothing else)
 *   2026年工会台帐/06-活动记录/2026-05-01 <标题> 签到表.xlsx   07-慰问台账/2026年慰问台账.xlsx
 *   2026年工会台帐/08-民主测评/2026年测评与评选.xlsx, <名称> 结果统计表.docx
 *   2026年工会台帐/09-操作日志/2026年操作日志.xlsx            10-教代会/<届次> 提案汇编.docx, 提案办理情况报告.docx
 *
 * A year with thousands of records does not fit one call (60 s), so the build is a job that any
 * number of calls carry forward. Guarantees:
 *  1. One build per (chair, request id): a retry or a second tap continues it, never starts another.
 *  2. One worker at a time: a call takes the job's lease with a conditional update (lease expired, progress
 *     as the call read it); a call that cannot answers with the progress at once.
 *  3. Resumable: each finished part is stored in cloud storage, then recorded with a conditional update
 *     on (lease, next part) — a call killed half-way leaves that part undone, its lease runs out and the
 *     next call makes it again. Nothing is counted twice: the zip is assembled from the recorded parts.
 *  4. Each call works for at most WORK_BUDGET_MS, then answers 正在生成 n/N; the app calls again.
 *  5. The finished zip, the job's `ready` state and the chair's audit entry are written together.
 */
import { randomBytes } from 'node:crypto'
import { itemStatusLabels, type ArchiveProgress } from '../../types/plan'
import { recordAudit } from '../_shared/audit'
import { requireMember, type Ctx } from '../_shared/context'
import { createdId, isDuplicateKey } from '../_shared/create-once'
import { AppError, conflict } from '../_shared/errors'
import { formatShanghai, shanghaiDate } from '../_shared/time'
import { inTransaction } from '../_shared/transaction'
import { text, grid } from '../_shared/docx-style'
import { makePart, type ArchiveFile, type ArchiveStep } from './archive-parts'
import { activitiesHeld } from './linked-activities'
import { congressSessionsOfYear } from './linked-congress'
import { noticeIdsPublished } from './linked-notices'
import { pollCounted, pollsHeld } from './linked-polls'
import { getDoc, itemsOfYear } from './store'
import { itemViews } from './status'
import { yearBounds } from './summary'
import { word } from './word'

export const ARCHIVE_JOBS = 'plan_archive_jobs'
const WORK_BUDGET_MS = 20_000
const LEASE_MS = 55_000
const NOTICES_PER_PART = 200
const ACTIVITIES_PER_PART = 30

interface StoredPart {
  fileId: string
  /** the part zip holds entry i under the name `i` */
  entries: Array<[folder: string, name: string, about: string]>
}

interface ArchiveJobDoc {
  _id: string
  year: number
  state: 'building' | 'ready'
  steps: ArchiveStep[]
  next: number
  parts: StoredPart[]
  leaseToken: string
  leaseUntil: Date
  result?: { fileId: string; fileName: string; files: number; bytes: number }
  createdBy: string
  createdAt: Date
  updatedAt: Date
}

/** How many documents a conditional update changed (0: the condition no longer held). */
const updated = (res: unknown) => (res as { stats: { updated: number } }).stats.updated

const chunks = <T>(list: T[], size: number): T[][] => Array.from({ length: Math.ceil(list.length / size) }, (_, i) => list.slice(i * size, (i + 1) * size))

/** The parts a year's archive is made of (ids and titles only; each part reads its own records). */
async function planSteps(ctx: Ctx, year: number): Promise<ArchiveStep[]> {
  const { from, to } = yearBounds(year)
  const [notices, acts, polls, sessions] = await Promise.all([
    noticeIdsPublished(ctx.db, from, to), activitiesHeld(ctx.db, from, to), pollsHeld(ctx.db, from, to), congressSessionsOfYear(ctx.db, year),
  ])
  const dated = acts.map((a): [string, string, string] => [a._id, shanghaiDate(new Date(a.startAt)), a.title]).sort((x, y) => x[1].localeCompare(y[1]) || x[0].localeCompare(y[0]))
  return [
    { kind: 'plan' }, { kind: 'meetings' },
    ...chunks(notices, NOTICES_PER_PART).map((ids): ArchiveStep => ({ kind: 'notices', ids })),
    { kind: 'opinions' },
    ...chunks(dated, ACTIVITIES_PER_PART).map((part): ArchiveStep => ({ kind: 'activities', acts: part })),
    { kind: 'visits' }, { kind: 'polls' },
    ...polls.filter(pollCounted).map((p): ArchiveStep => ({ kind: 'pollReport', id: p._id, title: p.title })),
    ...sessions.sort((a, b) => a.meetingDate.localeCompare(b.meetingDate)).map((s): ArchiveStep => ({ kind: 'congress', id: s._id, title: s.title })),
    { kind: 'audit' },
  ]
}

/** The job of this request, found or created; null when another call with the same request id created it first. */
async function openJob(ctx: Ctx, id: string, year: number): Promise<ArchiveJobDoc | null> {
  const found = await getDoc<ArchiveJobDoc>(ctx.db, ARCHIVE_JOBS, id)
  if (found) return found
  const now = new Date()
  const job: ArchiveJobDoc = {
    _id: id, year, state: 'building', steps: await planSteps(ctx, year), next: 0, parts: [], leaseToken: '', leaseUntil: new Date(0),
    createdBy: requireMember(ctx)._id, createdAt: now, updatedAt: now,
  }
  try {
    await ctx.db.collection(ARCHIVE_JOBS).add({ data: job })
    return job
  } catch (err) {
    if (!isDuplicateKey(err)) throw err
    return null
  }
}

const progress = (job: ArchiveJobDoc): ArchiveProgress => ({ state: 'building', done: job.next, total: job.steps.length + 1 })

/** Starts or carries forward the chair's build `requestId` of `year`'s 台帐. */
export async function buildArchive(ctx: Ctx, year: number, requestId: string): Promise<ArchiveProgress> {
  const id = createdId(ctx.openid, 'plan.archive', requestId)
  const db = ctx.db
  const _ = db.command
  const token = randomBytes(8).toString('hex')
  const lease = () => new Date(Date.now() + LEASE_MS)
  /**
   * Takes the job's lease (guarantee 2): expired, still building, of this year — and, given `next`, at the
   * progress this call read. Taken at what it read, the job read is what the last worker recorded: a part
   * once recorded is never rewritten (each record is conditional on `next`), so equal `next` means equal
   * parts, and the job need not be read again.
   */
  const take = async (next?: number) => updated(await db.collection(ARCHIVE_JOBS)
    .where({ _id: id, year, state: 'building', leaseUntil: _.lt(new Date()), ...(next === undefined ? {} : { next }) })
    .update({ data: { leaseToken: token, leaseUntil: lease() } })) === 1

  let job = await openJob(ctx, id, year)
  let taken = false
  if (!job) {
    // Another call with this request id created the job after this one found none: take the lease first,
    // then read the job — read after the take, it is what that call recorded, whoever holds the lease now.
    taken = await take()
    job = (await getDoc<ArchiveJobDoc>(db, ARCHIVE_JOBS, id))!
  }
  if (job.year !== year) throw conflict('这个生成请求属于另一年的台帐，请重新点“生成全年台帐”')
  if (job.state === 'ready') return ready(ctx, job)
  // A take refused — another worker holds the lease, or recorded a part since the read — answers the progress read.
  if (!taken && !(await take(job.next))) return progress(job)

  const started = Date.now()
  let next = job.next
  // The parts as recorded, kept here: while this call holds the lease, only its own records add to them.
  const parts = [...job.parts]
  while (next < job.steps.length && Date.now() - started < WORK_BUDGET_MS) {
    const part = await storePart(ctx, id, `${next}-${token}`, await makePart(ctx, year, job.steps[next]))
    const recorded = await db.collection(ARCHIVE_JOBS).where({ _id: id, leaseToken: token, next })
      .update({ data: { next: next + 1, parts: _.push([part]), leaseUntil: lease(), updatedAt: new Date() } })
    // Lease lost (this worker outlived it and another took it): read again, as only a read can tell how far the other got.
    if (updated(recorded) !== 1) return progress((await getDoc<ArchiveJobDoc>(db, ARCHIVE_JOBS, id))!)
    parts.push(part)
    next++
  }
  job = { ...job, next, parts }
  if (next < job.steps.length || Date.now() - started >= WORK_BUDGET_MS) {
    await db.collection(ARCHIVE_JOBS).where({ _id: id, leaseToken: token }).update({ data: { leaseUntil: new Date(0) } })
    return progress(job)
  }
  await db.collection(ARCHIVE_JOBS).where({ _id: id, leaseToken: token }).update({ data: { leaseUntil: lease() } })
  let result: NonNullable<ArchiveJobDoc['result']>
  try {
    result = await assemble(ctx, job)
  } catch (err) {
    // A worker that lost its lease while zipping finds its parts gone: the other one finished (read again:
    // only a read after the failure can see that).
    const now = (await getDoc<ArchiveJobDoc>(db, ARCHIVE_JOBS, id))!
    if (now.state === 'ready') return ready(ctx, now)
    throw err
  }
  const finished = await inTransaction(db, async (t) => {
    const now = await getDoc<ArchiveJobDoc>(t, ARCHIVE_JOBS, id)
    if (!now || now.state !== 'building' || now.leaseToken !== token) return false
    await t.collection(ARCHIVE_JOBS).doc(id).update({ data: { state: 'ready', result, leaseUntil: new Date(0), updatedAt: new Date() } })
    await recordAudit(t, ctx, { action: 'plan.archive', target: { kind: 'plan', id: `plan_${year}`, label: result.fileName }, note: `${result.files} 个文件` })
    return true
  })
  // Lease lost while zipping: answer the progress of the worker that took it (a read after a lost race).
  if (!finished) return progress((await getDoc<ArchiveJobDoc>(db, ARCHIVE_JOBS, id))!)
  await ctx.services.remove(job.parts.map((p) => p.fileId)).catch(() => undefined)
  return ready(ctx, { ...job, state: 'ready', result })
}

async function ready(ctx: Ctx, job: ArchiveJobDoc): Promise<ArchiveProgress> {
  const r = job.result!
  const url = (await ctx.services.tempUrls([r.fileId]))[r.fileId]
  if (!url) throw new AppError('INTERNAL', '台帐生成了但暂时无法下载，请重试')
  return { state: 'ready', url, fileName: r.fileName, fileId: r.fileId, files: r.files, bytes: r.bytes }
}

/** A part's files as one uncompressed zip in cloud storage (the final zip compresses). */
/** Stored under the worker's own name: a worker that lost its lease never overwrites a recorded part. */
async function storePart(ctx: Ctx, jobId: string, name: string, files: ArchiveFile[]): Promise<StoredPart> {
  const JSZip = (await import('jszip')).default
  const zip = new JSZip()
  files.forEach((f, i) => zip.file(String(i), f.content))
  const bytes = await zip.generateAsync({ type: 'nodebuffer', compression: 'STORE' })
  const fileId = await ctx.services.upload(`plan-archives/${jobId}/part-${name}.zip`, bytes)
  return { fileId, entries: files.map((f) => [f.folder, f.name, f.about]) }
}

/** The recorded parts, in order, into one named zip with its 目录 (same names made distinct: （2）, （3）…). */
async function assemble(ctx: Ctx, job: ArchiveJobDoc): Promise<NonNullable<ArchiveJobDoc['result']>> {
  const JSZip = (await import('jszip')).default
  const zip = new JSZip()
  const root = `${job.year}年工会台帐`
  const used = new Set<string>()
  const index: Array<[string, string]> = []
  for (const part of job.parts) {
    const stored = await JSZip.loadAsync(await ctx.services.download(part.fileId).catch(() => { throw new AppError('CONFLICT', `台帐的第 ${job.parts.indexOf(part) + 1} 部分没有取到，请稍后重试`) }))
    for (const [i, [folder, name, about]] of part.entries.entries()) {
      let path = `${root}/${folder}/${name}`
      for (let n = 2; used.has(path); n++) path = `${root}/${folder}/${name.replace(/(\.[a-z]+)$/, `（${n}）$1`)}`
      used.add(path)
      zip.file(path, await stored.file(String(i))!.async('nodebuffer'))
      index.push([path.slice(root.length + 1), about])
    }
  }
  const items = await itemViews(ctx.db, await itemsOfYear(ctx.db, job.year), ctx.now)
  zip.file(`${root}/00-目录.docx`, await word(`${job.year}年工会台帐目录`, [
    text(`生成时间：${formatShanghai(ctx.now)}  计划事项 ${items.length} 项（已完成 ${items.filter((i) => i.status === 'done').length} 项）`),
    grid([['序号', '文件', '内容']], index.map(([p, about], i) => [String(i + 1), p, about])),
    text(`状态说明：${Object.values(itemStatusLabels).join('、')}`),
  ]))
  const bytes = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 6 } })
  const fileName = `${root}.zip`
  const fileId = await ctx.services.upload(`plan-archives/${job._id}/${randomBytes(8).toString('hex')}.zip`, bytes)
  return { fileId, fileName, files: index.length + 1, bytes: bytes.length }
}

/**
 * Roster import: the chair uploads the staff roster (Excel or CSV); applicants whose name and
 * staff no. match it are approved. All-or-nothing: a file with any bad row writes nothing, and
 * a good file's rows go live only once every one of them is written (the batch switch).
 */
import crypto from 'node:crypto'
import * as z from 'zod/mini'
import { rosterImportInput, type RosterImportOutput } from '../../types/member'
import { action } from '../_shared/dispatch'
import type { Ctx } from '../_shared/context'
import { COLLECTIONS, MAX_QUERY, type MemberDoc } from '../_shared/documents'
import { AppError } from '../_shared/errors'
import { recordAudit } from '../_shared/audit'
import { docs, iso } from '../_shared/query'
import { readRosterFile } from './roster-file'
import { checkRosterRows, type RosterRow } from './roster-rows'
import { META, memberById, members, readMeta, writeMetaIn } from './store'
import { ensureStaffNoFree } from './claims'
import { admitIn } from './admission'
import { inTransaction } from '../_shared/transaction'
import type { RosterMeta } from './joining'

const MAX_FILE_BYTES = 5 * 1024 * 1024
const WRITE_CHUNK = 100

async function writeBatch(ctx: Ctx, batchId: string, rows: RosterRow[]): Promise<void> {
  const col = ctx.db.collection(COLLECTIONS.roster)
  for (let i = 0; i < rows.length; i += WRITE_CHUNK) {
    const chunk = rows.slice(i, i + WRITE_CHUNK).map((r, j) => ({ _id: `${batchId}_${i + j}`, batchId, ...r }))
    await col.add({ data: chunk })
  }
}

/**
 * Applicants already waiting whose name + staff no. the new roster confirms are admitted now (each
 * in its own transaction with its staff-number claim and audit entry). One whose number another
 * member holds stays in the queue for the committee.
 */
async function approveWaiting(ctx: Ctx, rows: RosterRow[]): Promise<number> {
  const byStaffNo = new Map(rows.map((r) => [r.staffNo, r.name]))
  let approved = 0
  let after: Date | null = null
  for (;;) {
    const _ = ctx.db.command
    const where: Record<string, unknown> = after ? { membership: 'pending', createdAt: _.gt(after) } : { membership: 'pending' }
    const waiting: MemberDoc[] = await docs<MemberDoc>(members(ctx.db).where(where).orderBy('createdAt', 'asc').limit(MAX_QUERY))
    for (const m of waiting) {
      if (!m.staffNo || byStaffNo.get(m.staffNo) !== m.name) continue
      try {
        await ensureStaffNoFree(ctx.db, m.staffNo, m._id)
        await inTransaction(ctx.db, async (t) => {
          const now = await memberById(t, m._id)
          if (now.membership !== 'pending') throw new AppError('CONFLICT', '已处理')
          await admitIn(t, ctx, now, 'roster', { byCommittee: true, note: '与导入的名册一致' })
        })
        approved++
      } catch (err) {
        if (!(err instanceof AppError)) throw err
      }
    }
    if (waiting.length < MAX_QUERY) return approved
    after = waiting[waiting.length - 1].createdAt
  }
}

export const rosterRoutes = {
  importRoster: action({
    input: rosterImportInput,
    role: 'chair',
    async run(ctx, input): Promise<RosterImportOutput> {
      const content = await ctx.services.download(input.fileId)
      if (content.length > MAX_FILE_BYTES) throw new AppError('BAD_INPUT', '名册文件超过 5 MB，请删去无关的工作表或列后再导入')
      const read = await readRosterFile(input.fileName, content)
      if ('error' in read) throw new AppError('BAD_INPUT', read.error)
      const { rows, bad } = checkRosterRows(read.rows)
      if (bad.length) return { imported: false, rows: read.rows.length, bad, approvedApplicants: 0 }

      const batchId = `r${ctx.now.getTime().toString(36)}${crypto.randomBytes(3).toString('hex')}`
      let previous: RosterMeta | null
      try {
        await writeBatch(ctx, batchId, rows)
        // The switch to the new batch and its audit entry land together; the old batch is no longer read
        // once switched, so removing it after (a run killed before that leaves unread rows) is only tidying.
        previous = await inTransaction(ctx.db, async (t) => {
          const was = await readMeta<RosterMeta>(t, META.roster)
          await writeMetaIn(t, META.roster, { activeBatch: batchId, rows: rows.length, importedAt: ctx.now, fileName: input.fileName })
          await recordAudit(t, ctx, {
            action: 'member.importRoster', target: { kind: 'roster', id: batchId, label: input.fileName },
            before: was ? { rows: was.rows, fileName: was.fileName } : undefined, after: { rows: rows.length, fileName: input.fileName },
          })
          return was
        })
      } catch (err) {
        // Not switched on, so nothing of it is live; clear what was written.
        await Promise.resolve(ctx.db.collection(COLLECTIONS.roster).where({ batchId }).remove()).catch(() => undefined)
        throw err
      }
      if (previous) await ctx.db.collection(COLLECTIONS.roster).where({ batchId: previous.activeBatch }).remove()
      const approvedApplicants = await approveWaiting(ctx, rows)
      return { imported: true, rows: rows.length, bad: [], approvedApplicants }
    },
  }),

  rosterStatus: action({
    input: z.object({}),
    role: 'chair',
    async run(ctx) {
      const meta = await readMeta<RosterMeta>(ctx.db, META.roster)
      return { rows: meta?.rows ?? 0, importedAt: meta ? iso(meta.importedAt) : null, fileName: meta?.fileName ?? null }
    },
  }),
}

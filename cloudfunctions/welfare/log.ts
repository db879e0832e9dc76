import type { Ctx } from '../_shared/context'
import { recordAudit, type AuditEntry, type DocWriter } from '../_shared/audit'
import type { Tx } from '../_shared/transaction'

/**
 * Every welfare write is an admin action: one audit entry, by the caller. Pass the transaction the
 * change runs in, so the change and its entry land together or not at all.
 */
export function audit(ctx: Ctx, entry: AuditEntry, t?: Tx): Promise<void> {
  return recordAudit((t ?? ctx.db) as unknown as DocWriter, ctx, entry)
}

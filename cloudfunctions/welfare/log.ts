import type { Ctx } from '../_shared/context'
import { recordAudit, type AuditEntry, type DocWriter } from '../_shared/audit'

/** Every welfare write is an admin action: one audit entry, by the caller. */
export function audit(ctx: Ctx, entry: AuditEntry): Promise<void> {
  return recordAudit(ctx.db as unknown as DocWriter, ctx, entry)
}

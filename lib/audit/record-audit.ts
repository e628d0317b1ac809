import type { DbOrTx } from '@/db/client';
import { auditLog } from '@/db/schema';

export type AuditActor = { id: string; email: string | null } | null;

export type AuditEntry = {
  actor: AuditActor;
  action: string; // dotted verb, e.g. 'campaign.update', 'export.signers', 'staff.invite'
  entityType?: string;
  entityId?: string;
  // Never supporter emails or names: ids and counts only, so "forget" leaves nothing behind here.
  data?: Record<string, unknown>;
};

/** Write an audit row inside the caller's transaction, so the row exists iff the change does. */
export async function recordAudit(tx: DbOrTx, entry: AuditEntry): Promise<void> {
  await tx.insert(auditLog).values({
    actorUserId: entry.actor?.id ?? null,
    actorEmail: entry.actor?.email ?? null,
    action: entry.action,
    entityType: entry.entityType ?? null,
    entityId: entry.entityId ?? null,
    data: entry.data ?? {},
  });
}

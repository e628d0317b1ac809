import 'server-only';
import { and, desc, eq, sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { auditLog, campaigns } from '@/db/schema';
import { assertCan, type StaffActor } from '@/lib/auth/actor';

export type RecentExport = {
  id: number;
  at: Date;
  preset: string;
  rows: number;
  aborted: boolean;
  failed: boolean;
  campaignTitle: string | null;
  filters: Record<string, unknown>;
};

/** The actor's own latest exports, from the audit log (ids and counts only, no personal data). */
export async function listRecentExports({ actor, limit = 10 }: { actor: StaffActor; limit?: number }): Promise<RecentExport[]> {
  assertCan(actor, 'exports:run');
  const rows = await getDb()
    .select({ id: auditLog.id, at: auditLog.createdAt, data: auditLog.data, campaignTitle: campaigns.title })
    .from(auditLog)
    .leftJoin(campaigns, sql`${campaigns.id}::text = ${auditLog.entityId}`)
    .where(and(eq(auditLog.action, 'export.signers'), eq(auditLog.actorUserId, actor.id)))
    .orderBy(desc(auditLog.createdAt), desc(auditLog.id))
    .limit(Math.min(Math.max(limit, 1), 50));
  return rows.map((r) => {
    const data = r.data ?? {};
    return {
      id: r.id,
      at: r.at,
      preset: String(data.preset ?? ''),
      rows: Number(data.rows ?? 0),
      aborted: data.aborted === true,
      failed: data.failed === true,
      campaignTitle: r.campaignTitle ?? null,
      filters: (data.filters as Record<string, unknown>) ?? {},
    };
  });
}

import 'server-only';
import { sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { queryRows } from '@/db/raw';
import { assertCan, type StaffActor } from '@/lib/auth/actor';
import { activeConsentWhere } from '@/lib/partners/opted-in-query';

export type PartnerBreakdownRow = { id: string; name: string; slug: string; retired: boolean; signatures: number; letters: number; optIns: number };

/**
 * Host staff's view across partners: signatures and letters each partner's `?ref=` links brought,
 * and each one's standing opt-ins (aggregates, no people). Partner staff never get this: the
 * permission is the host's analytics one.
 */
export async function getPartnerBreakdown({ actor }: { actor: StaffActor }): Promise<PartnerBreakdownRow[]> {
  assertCan(actor, 'analytics:view');
  const rows = await queryRows<{ id: string; name: string; slug: string; retired: boolean; signatures: number; letters: number; opt_ins: number }>(
    getDb(),
    sql`select o.id, o.name, o.slug, o.retired_at is not null as retired,
               (select count(*)::int from signatures s where s.ref_organisation_id = o.id) as signatures,
               (select count(*)::int from letters l where l.ref_organisation_id = o.id) as letters,
               (select count(*)::int from consents c join supporters p on p.id = c.supporter_id where ${activeConsentWhere(sql.raw('o.id'))}) as opt_ins
        from organisations o where o.kind = 'partner' order by o.retired_at is not null, o.name`,
  );
  return rows.map((r) => ({ id: r.id, name: r.name, slug: r.slug, retired: r.retired, signatures: Number(r.signatures), letters: Number(r.letters), optIns: Number(r.opt_ins) }));
}

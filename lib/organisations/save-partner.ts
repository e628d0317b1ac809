import 'server-only';
import { and, eq, ne } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { organisations } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record-audit';
import { AppError } from '@/lib/errors';
import { auditActor, type StaffActor } from '@/lib/auth/actor';
import { PARTNER_FIELDS } from './schemas';

type PartnerValues = Record<(typeof PARTNER_FIELDS)[number], string | null> & { name: string; slug: string };

/** A short code must be unique across every organisation, the host's included (ref links use it). */
export async function assertFreeShortCode(tx: Tx, slug: string, exceptId?: string): Promise<void> {
  const [taken] = await tx
    .select({ id: organisations.id })
    .from(organisations)
    .where(exceptId ? and(eq(organisations.slug, slug), ne(organisations.id, exceptId)) : eq(organisations.slug, slug));
  if (taken) throw new AppError('VALIDATION', 'Please correct the highlighted fields.', { slug: ['Another organisation already uses this short code.'] });
}

/** The audit row of a partner change: field names only (wording and addresses are in the row itself). */
export async function auditPartner(tx: Tx, actor: StaffActor, action: string, id: string, data: Record<string, unknown>) {
  await recordAudit(tx, { actor: auditActor(actor), action, entityType: 'organisation', entityId: id, data });
}

export const changedFields = (before: Partial<PartnerValues>, next: PartnerValues) => PARTNER_FIELDS.filter((k) => (before[k] ?? null) !== next[k]);

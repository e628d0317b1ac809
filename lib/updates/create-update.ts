import 'server-only';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { campaignUpdates, campaigns } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record-audit';
import { assertCan, auditActor, type StaffActor } from '@/lib/auth/actor';
import { AppError, validationError } from '@/lib/errors';
import { CreateUpdateInput } from './schemas';

/** Save an update as a draft for a campaign (nothing is sent). Audited `update.create`. */
export async function createUpdate({ actor, input }: { actor: StaffActor; input: CreateUpdateInput }): Promise<{ id: string }> {
  assertCan(actor, 'updates:send');
  const parsed = CreateUpdateInput.safeParse(input);
  if (!parsed.success) throw validationError(parsed.error.issues);
  const { campaignId, subject, bodyMd } = parsed.data;
  return getDb().transaction(async (tx) => {
    const [c] = await tx.select({ id: campaigns.id }).from(campaigns).where(eq(campaigns.id, campaignId));
    if (!c) throw new AppError('NOT_FOUND', 'No such campaign.');
    const [row] = await tx.insert(campaignUpdates).values({ campaignId, subject, bodyMd, createdBy: actor.email }).returning({ id: campaignUpdates.id });
    await recordAudit(tx, { actor: auditActor(actor), action: 'update.create', entityType: 'campaign_update', entityId: row.id, data: { campaignId } });
    return { id: row.id };
  });
}

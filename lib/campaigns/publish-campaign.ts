import 'server-only';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { campaigns } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record-audit';
import { AppError, validationError } from '@/lib/errors';
import { assertCan, auditActor, type StaffActor } from '@/lib/auth/actor';
import { PublishCampaignInput, type CampaignStatus } from './schemas';
import { assertRoutable, lockCampaign, nextVersion } from './staff-campaign-tx';

export type StatusChange = { id: string; slug: string; status: CampaignStatus; updatedAt: Date; changed: boolean };

/**
 * Put a draft live, or reopen a closed campaign (its closing date is cleared; the result note is
 * kept for the next close). Audited `campaign.publish`. The caller refreshes the public page.
 */
export async function publishCampaign({ actor, input }: { actor: StaffActor; input: PublishCampaignInput }): Promise<StatusChange> {
  assertCan(actor, 'campaigns:edit');
  const parsed = PublishCampaignInput.safeParse(input);
  if (!parsed.success) throw validationError(parsed.error.issues);
  const { id, expectedUpdatedAt } = parsed.data;

  return getDb().transaction(async (tx) => {
    const before = await lockCampaign(tx, id, expectedUpdatedAt);
    if (before.status === 'live') return { id, slug: before.slug, status: before.status, updatedAt: before.updatedAt, changed: false };
    if (before.archivedAt) throw new AppError('CONFLICT', 'Restore this campaign from the archive before publishing it.');
    await assertRoutable(tx, before.organisationId, before.deliveryMode);

    const updatedAt = nextVersion(before);
    await tx
      .update(campaigns)
      .set({ status: 'live', publishedAt: before.publishedAt ?? updatedAt, closedAt: null, updatedAt })
      .where(eq(campaigns.id, id));
    await recordAudit(tx, {
      actor: auditActor(actor),
      action: 'campaign.publish',
      entityType: 'campaign',
      entityId: id,
      data: { from: before.status, to: 'live' },
    });
    return { id, slug: before.slug, status: 'live' as const, updatedAt, changed: true };
  });
}

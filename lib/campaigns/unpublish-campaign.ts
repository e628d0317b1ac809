import 'server-only';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { campaigns } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record-audit';
import { validationError } from '@/lib/errors';
import { assertCan, auditActor, type StaffActor } from '@/lib/auth/actor';
import type { StatusChange } from './publish-campaign';
import { UnpublishCampaignInput } from './schemas';
import { lockCampaign, nextVersion } from './staff-campaign-tx';

/**
 * Take a live or closed campaign back to draft: its public page answers 404 again (signatures and
 * letters are kept). Audited `campaign.unpublish`. The caller refreshes the public page.
 */
export async function unpublishCampaign({ actor, input }: { actor: StaffActor; input: UnpublishCampaignInput }): Promise<StatusChange> {
  assertCan(actor, 'campaigns:edit');
  const parsed = UnpublishCampaignInput.safeParse(input);
  if (!parsed.success) throw validationError(parsed.error.issues);
  const { id, expectedUpdatedAt } = parsed.data;

  return getDb().transaction(async (tx) => {
    const before = await lockCampaign(tx, id, expectedUpdatedAt);
    if (before.status === 'draft') return { id, slug: before.slug, status: before.status, updatedAt: before.updatedAt, changed: false };

    const updatedAt = nextVersion(before);
    await tx.update(campaigns).set({ status: 'draft', updatedAt }).where(eq(campaigns.id, id));
    await recordAudit(tx, {
      actor: auditActor(actor),
      action: 'campaign.unpublish',
      entityType: 'campaign',
      entityId: id,
      data: { from: before.status, to: 'draft' },
    });
    return { id, slug: before.slug, status: 'draft' as const, updatedAt, changed: true };
  });
}

import 'server-only';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { campaigns } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record-audit';
import { AppError, validationError } from '@/lib/errors';
import { assertCan, auditActor, type StaffActor } from '@/lib/auth/actor';
import type { StatusChange } from './publish-campaign';
import { CloseCampaignInput } from './schemas';
import { lockCampaign, nextVersion } from './staff-campaign-tx';

/**
 * Stop taking signatures and letters, with a result note the public page shows. Closing an already
 * closed campaign rewrites its note (the closing date stays). Audited `campaign.close`.
 */
export async function closeCampaign({ actor, input }: { actor: StaffActor; input: CloseCampaignInput }): Promise<StatusChange> {
  assertCan(actor, 'campaigns:edit');
  const parsed = CloseCampaignInput.safeParse(input);
  if (!parsed.success) throw validationError(parsed.error.issues);
  const { id, expectedUpdatedAt, resultNote } = parsed.data;

  return getDb().transaction(async (tx) => {
    const before = await lockCampaign(tx, id, expectedUpdatedAt);
    if (before.status === 'draft') {
      throw new AppError('CONFLICT', 'A draft was never public: publish it first, or archive it instead of closing it.');
    }
    const updatedAt = nextVersion(before);
    await tx
      .update(campaigns)
      .set({ status: 'closed', resultNote, closedAt: before.closedAt ?? updatedAt, updatedAt })
      .where(eq(campaigns.id, id));
    await recordAudit(tx, {
      actor: auditActor(actor),
      action: 'campaign.close',
      entityType: 'campaign',
      entityId: id,
      data: { from: before.status, to: 'closed', fields: before.resultNote === resultNote ? [] : ['resultNote'] },
    });
    return { id, slug: before.slug, status: 'closed' as const, updatedAt, changed: true };
  });
}

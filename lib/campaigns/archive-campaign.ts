import 'server-only';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { campaigns } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record-audit';
import { AppError, validationError } from '@/lib/errors';
import { assertCan, auditActor, type StaffActor } from '@/lib/auth/actor';
import { ArchiveCampaignInput } from './schemas';
import { lockCampaign, nextVersion } from './staff-campaign-tx';

export type ArchiveResult = { id: string; archived: boolean; updatedAt: Date; changed: boolean };

/**
 * Move a draft or closed campaign out of the everyday list (`archived: false` brings it back).
 * A live campaign must be closed first, so nobody archives a page people are still signing.
 * Audited `campaign.archive` / `campaign.unarchive`.
 */
export async function archiveCampaign({ actor, input }: { actor: StaffActor; input: ArchiveCampaignInput }): Promise<ArchiveResult> {
  assertCan(actor, 'campaigns:edit');
  const parsed = ArchiveCampaignInput.safeParse(input);
  if (!parsed.success) throw validationError(parsed.error.issues);
  const { id, expectedUpdatedAt, archived } = parsed.data;

  return getDb().transaction(async (tx) => {
    const before = await lockCampaign(tx, id, expectedUpdatedAt);
    if (Boolean(before.archivedAt) === archived) return { id, archived, updatedAt: before.updatedAt, changed: false };
    if (archived && before.status === 'live') {
      throw new AppError('CONFLICT', 'This campaign is live: close it (with a result note) before archiving it.');
    }
    const updatedAt = nextVersion(before);
    await tx
      .update(campaigns)
      .set({ archivedAt: archived ? updatedAt : null, updatedAt })
      .where(eq(campaigns.id, id));
    await recordAudit(tx, {
      actor: auditActor(actor),
      action: archived ? 'campaign.archive' : 'campaign.unarchive',
      entityType: 'campaign',
      entityId: id,
      data: { status: before.status },
    });
    return { id, archived, updatedAt, changed: true };
  });
}

import 'server-only';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { campaigns, treaties } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record-audit';
import { AppError, validationError } from '@/lib/errors';
import { assertCan, auditActor, type StaffActor } from '@/lib/auth/actor';
import { CAMPAIGN_CONTENT_KEYS, UpdateCampaignInput, type CampaignContent } from './schemas';
import { assertRoutable, claimSlug, keepOldSlug, lockCampaign, nextVersion, withSlugRace } from './staff-campaign-tx';

export type UpdatedCampaign = { id: string; slug: string; updatedAt: Date; changed: (keyof CampaignContent)[] };

/**
 * Save the editor's fields. Refuses a save based on an older version (CONFLICT), keeps a renamed
 * campaign's old slug redirecting, and audits `campaign.update` with the names of the changed fields
 * (never their content). The caller refreshes the public page (revalidateCampaign) after it returns.
 */
export async function updateCampaign({ actor, input }: { actor: StaffActor; input: UpdateCampaignInput }): Promise<UpdatedCampaign> {
  assertCan(actor, 'campaigns:edit');
  const parsed = UpdateCampaignInput.safeParse(input);
  if (!parsed.success) throw validationError(parsed.error.issues);
  const { id, expectedUpdatedAt, ...content } = parsed.data;

  return withSlugRace(() =>
    getDb().transaction(async (tx) => {
      const before = await lockCampaign(tx, id, expectedUpdatedAt);
      const changed = CAMPAIGN_CONTENT_KEYS.filter((k) => content[k] !== before[k]);
      await assertRoutable(tx, before.organisationId, content.deliveryMode);
      if (changed.length === 0) return { id, slug: before.slug, updatedAt: before.updatedAt, changed };

      if (changed.includes('treatyId')) {
        const [treaty] = await tx.select({ id: treaties.id }).from(treaties).where(eq(treaties.id, content.treatyId));
        if (!treaty) throw new AppError('VALIDATION', 'Please correct the highlighted fields.', { treatyId: ['Choose a treaty.'] });
      }
      if (changed.includes('slug')) {
        await claimSlug(tx, id, content.slug);
        await keepOldSlug(tx, id, before.slug);
      }

      const updatedAt = nextVersion(before);
      await tx
        .update(campaigns)
        .set({ ...content, updatedAt })
        .where(eq(campaigns.id, id));
      await recordAudit(tx, {
        actor: auditActor(actor),
        action: 'campaign.update',
        entityType: 'campaign',
        entityId: id,
        data: { fields: changed, ...(changed.includes('slug') ? { previousSlug: before.slug, slug: content.slug } : {}) },
      });
      return { id, slug: content.slug, updatedAt, changed };
    }),
  );
}

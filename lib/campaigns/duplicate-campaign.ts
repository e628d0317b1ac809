import 'server-only';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { campaigns } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record-audit';
import { AppError, validationError } from '@/lib/errors';
import { assertCan, auditActor, type StaffActor } from '@/lib/auth/actor';
import { DuplicateCampaignInput, TITLE_MAX } from './schemas';
import { freeCopySlug, withSlugRace } from './staff-campaign-tx';
import type { CreatedCampaign } from './create-campaign';

/**
 * A new draft with the source's content and settings (not its status, dates, result or
 * signatures), under a free `<slug>-copy[-n]` address. Audited `campaign.duplicate` on the copy.
 */
export async function duplicateCampaign({ actor, input }: { actor: StaffActor; input: DuplicateCampaignInput }): Promise<CreatedCampaign> {
  assertCan(actor, 'campaigns:edit');
  const parsed = DuplicateCampaignInput.safeParse(input);
  if (!parsed.success) throw validationError(parsed.error.issues);
  const { id } = parsed.data;

  return withSlugRace(() =>
    getDb().transaction(async (tx) => {
      const [source] = await tx.select().from(campaigns).where(eq(campaigns.id, id));
      if (!source) throw new AppError('NOT_FOUND', 'That campaign no longer exists.');
      const slug = await freeCopySlug(tx, source.slug);
      const now = new Date();
      const [copy] = await tx
        .insert(campaigns)
        .values({
          organisationId: source.organisationId,
          treatyId: source.treatyId,
          slug,
          title: `Copy of ${source.title}`.slice(0, TITLE_MAX),
          summary: source.summary,
          storyMd: source.storyMd,
          status: 'draft',
          petitionGoal: source.petitionGoal,
          goalAutoStep: source.goalAutoStep,
          signerVisibility: source.signerVisibility,
          commentModeration: source.commentModeration,
          letterSubjectTemplate: source.letterSubjectTemplate,
          letterBodyTemplate: source.letterBodyTemplate,
          // The letters and scripts by stance come along; the public Senate page stays off until staff opt in again.
          letterVariants: source.letterVariants,
          callScripts: source.callScripts,
          publicStances: source.publicStances,
          requirePersonalSentence: source.requirePersonalSentence,
          deliveryMode: source.deliveryMode,
          createdAt: now,
          updatedAt: now,
        })
        .returning({ id: campaigns.id, slug: campaigns.slug });
      await recordAudit(tx, {
        actor: auditActor(actor),
        action: 'campaign.duplicate',
        entityType: 'campaign',
        entityId: copy.id,
        data: { sourceId: source.id, slug },
      });
      return copy;
    }),
  );
}

import 'server-only';
import { eq } from 'drizzle-orm';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { campaigns } from '@/db/schema';
import { SENATOR_STANCES } from '@/db/schema/enum-values';
import { recordAudit } from '@/lib/audit/record-audit';
import { assertCan, auditActor, type StaffActor } from '@/lib/auth/actor';
import { validationError } from '@/lib/errors';
import { lockCampaign } from './staff-campaign-tx';

// `unknown` is never "published": it is what every senator without a stance shows anyway.
export const PUBLISHABLE_STANCES = SENATOR_STANCES.filter((s) => s !== 'unknown');

export const UpdateSenatePageInput = z.object({
  id: z.uuid('That campaign does not exist.'),
  senatePagePublic: z.preprocess((v) => v === true || v === 'on' || v === '1' || v === 'true', z.boolean()),
  // Typed as strings on the way in: the form posts whatever its checkboxes say.
  publicStances: z
    .array(z.string())
    .pipe(z.array(z.enum(PUBLISHABLE_STANCES, 'Choose stances from the list.')))
    .transform((a) => [...new Set(a)]),
});
export type UpdateSenatePageInput = z.input<typeof UpdateSenatePageInput>;

/**
 * Opt a campaign in or out of its public Senate page and choose which stances it shows. Leaves the
 * editor's version token alone (these fields are not in that form). Audited `campaign.senate_page`.
 */
export async function updateSenatePage({ actor, input }: { actor: StaffActor; input: UpdateSenatePageInput }) {
  assertCan(actor, 'campaigns:edit');
  const parsed = UpdateSenatePageInput.safeParse(input);
  if (!parsed.success) throw validationError(parsed.error.issues);
  const { id, senatePagePublic, publicStances } = parsed.data;
  return getDb().transaction(async (tx) => {
    const before = await lockCampaign(tx, id);
    await tx.update(campaigns).set({ senatePagePublic, publicStances }).where(eq(campaigns.id, id));
    await recordAudit(tx, {
      actor: auditActor(actor),
      action: 'campaign.senate_page',
      entityType: 'campaign',
      entityId: id,
      data: { from: { public: before.senatePagePublic, stances: before.publicStances }, to: { public: senatePagePublic, stances: publicStances } },
    });
    return { id, slug: before.slug, senatePagePublic, publicStances };
  });
}

import 'server-only';
import { and, eq, inArray, isNull } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { campaignSponsors, campaigns, organisations } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record-audit';
import { assertCan, auditActor, type StaffActor } from '@/lib/auth/actor';
import { AppError, validationError } from '@/lib/errors';
import { lockCampaign } from './staff-campaign-tx';
import { SetCampaignSponsorsInput } from './sponsor-schemas';

/**
 * Replace a campaign's co-sponsors with these partners, in this order, and say whether a
 * `?ref=` visitor sees only the referring partner's box. Only active partners qualify.
 * Audited `campaign.sponsors` with the ids in order.
 */
export async function setCampaignSponsors({ actor, input }: { actor: StaffActor; input: SetCampaignSponsorsInput }): Promise<{ campaignId: string }> {
  assertCan(actor, 'campaigns:edit');
  const parsed = SetCampaignSponsorsInput.safeParse(input);
  if (!parsed.success) throw validationError(parsed.error.issues);
  const { campaignId, sponsorIds, refOnlyPartnerBox } = parsed.data;
  return getDb().transaction(async (tx) => {
    // Locks the row; the version stays (this form is separate from the editor's, which must not go stale).
    await lockCampaign(tx, campaignId);
    if (sponsorIds.length) {
      const found = await tx
        .select({ id: organisations.id })
        .from(organisations)
        .where(and(inArray(organisations.id, sponsorIds), eq(organisations.kind, 'partner'), isNull(organisations.retiredAt)));
      if (found.length !== sponsorIds.length) throw new AppError('VALIDATION', 'Choose only active partner organisations.', { sponsor: ['Choose only active partner organisations.'] });
    }
    await tx.delete(campaignSponsors).where(eq(campaignSponsors.campaignId, campaignId));
    if (sponsorIds.length) {
      await tx.insert(campaignSponsors).values(sponsorIds.map((organisationId, position) => ({ campaignId, organisationId, position })));
    }
    await tx.update(campaigns).set({ refOnlyPartnerBox }).where(eq(campaigns.id, campaignId));
    await recordAudit(tx, {
      actor: auditActor(actor),
      action: 'campaign.sponsors',
      entityType: 'campaign',
      entityId: campaignId,
      data: { sponsorIds, refOnlyPartnerBox },
    });
    return { campaignId };
  });
}

/** The campaign's co-sponsor ids in order, for the staff form. */
export async function listCampaignSponsorIds({ actor, campaignId }: { actor: StaffActor; campaignId: string }): Promise<string[]> {
  assertCan(actor, 'campaigns:view');
  const rows = await getDb()
    .select({ id: campaignSponsors.organisationId })
    .from(campaignSponsors)
    .where(eq(campaignSponsors.campaignId, campaignId))
    .orderBy(campaignSponsors.position);
  return rows.map((r) => r.id);
}

import 'server-only';
import { eq } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { campaigns } from '@/db/schema';
import { recordAudit } from '@/lib/audit/record-audit';
import { lockCampaign, nextVersion } from '@/lib/campaigns/staff-campaign-tx';
import { validationError } from '@/lib/errors';
import { assertCan, auditActor, type StaffActor } from '@/lib/auth/actor';
import { UpdateCampaignCwcInput, type CwcProOrConValue, type CwcTopicName } from './schemas';

export type CampaignCwc = { campaignId: string; topic: CwcTopicName; proOrCon: CwcProOrConValue; changed: boolean };

/**
 * Set how the Senate's CWC service files a campaign's letters: its Library of Congress topic and
 * whether the letters support or oppose. Offices sort their mail by these, so a change applies to
 * letters sent from now on. Audited `campaign.cwc` with the old and new values.
 */
export async function updateCampaignCwc({ actor, input }: { actor: StaffActor; input: UpdateCampaignCwcInput }): Promise<CampaignCwc> {
  assertCan(actor, 'campaigns:edit');
  const parsed = UpdateCampaignCwcInput.safeParse(input);
  if (!parsed.success) throw validationError(parsed.error.issues);
  const { campaignId, topic, proOrCon } = parsed.data;

  return getDb().transaction(async (tx) => {
    const before = await lockCampaign(tx, campaignId);
    if (before.cwcTopic === topic && before.cwcProOrCon === proOrCon) return { campaignId, topic, proOrCon, changed: false };
    // A new version token, so an editor open on the old one does not save over this unnoticed.
    await tx.update(campaigns).set({ cwcTopic: topic, cwcProOrCon: proOrCon, updatedAt: nextVersion(before) }).where(eq(campaigns.id, campaignId));
    await recordAudit(tx, {
      actor: auditActor(actor),
      action: 'campaign.cwc',
      entityType: 'campaign',
      entityId: campaignId,
      data: { topic, proOrCon, previousTopic: before.cwcTopic, previousProOrCon: before.cwcProOrCon },
    });
    return { campaignId, topic, proOrCon, changed: true };
  });
}

import 'server-only';
import { and, asc, eq, inArray } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { senatorPositions, senators } from '@/db/schema';
import { assertCan, type StaffActor } from '@/lib/auth/actor';
import { stateName } from '@/lib/geo/us-states';
import { composeLetter } from '@/lib/letters/letter-draft';
import { loadLetterCampaign } from '@/lib/letters/letter-campaign';
import { LETTER_VARIANT_GROUPS, VARIANT_LABELS, VARIANT_STANCES, type LetterVariantGroup } from '@/lib/letters/letter-variants';
import { AppError } from '@/lib/errors';

export type VariantPreview = {
  group: LetterVariantGroup;
  label: string;
  usesDefault: boolean;
  /** A real senator in this group on the board, or a fictional one when none is. */
  sample: { name: string; fictional: boolean };
  subject: string;
  body: string;
};

const SUPPORTER = { firstName: 'Sam', lastName: 'Supporter', city: 'Springfield', state: 'IL', zip: '62701' };

/** The staff preview: each stance group's letter as a sample senator in that group would get it. */
export async function previewLetterVariants({ actor, campaignId }: { actor: StaffActor; campaignId: string }): Promise<VariantPreview[]> {
  assertCan(actor, 'campaigns:view');
  const db = getDb();
  // Drafts too: staff preview before publishing. loadLetterCampaign refuses drafts, so read by id and allow them.
  const campaign = await loadLetterCampaign(db, { id: campaignId }, { includeDrafts: true });
  if (!campaign) throw new AppError('NOT_FOUND', 'That campaign does not exist.');
  const out: VariantPreview[] = [];
  for (const group of LETTER_VARIANT_GROUPS) {
    const [real] = await db
      .select({ name: senators.officialName, lastName: senators.lastName, state: senators.state })
      .from(senatorPositions)
      .innerJoin(senators, eq(senators.bioguideId, senatorPositions.senatorId))
      .where(and(eq(senatorPositions.treatyId, campaign.treatyId), inArray(senatorPositions.stance, [...VARIANT_STANCES[group]]), eq(senators.isCurrent, true)))
      .orderBy(asc(senators.lastName))
      .limit(1);
    const senator = real ? { name: real.name, lastName: real.lastName, stateName: stateName(real.state) } : { name: 'Jordan Sample', lastName: 'Sample', stateName: 'Illinois' };
    const draft = campaign.variantDrafts[group] ?? campaign.draft;
    const letter = composeLetter({ ...draft, senator, supporter: SUPPORTER, treaty: campaign });
    out.push({
      group,
      label: VARIANT_LABELS[group],
      usesDefault: !campaign.variantDrafts[group],
      sample: { name: senator.name, fictional: !real },
      ...letter,
    });
  }
  return out;
}

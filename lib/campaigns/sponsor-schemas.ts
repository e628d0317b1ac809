import { z } from 'zod';
import { CheckboxField } from '@/lib/supporters/schemas';

export const MAX_SPONSORS = 30;

export const SetCampaignSponsorsInput = z.object({
  campaignId: z.uuid('Unknown campaign.'),
  /** Partner ids in the order the campaign page shows them. */
  sponsorIds: z.array(z.uuid('Unknown organisation.')).max(MAX_SPONSORS, `At most ${MAX_SPONSORS} co-sponsors.`),
  refOnlyPartnerBox: CheckboxField,
});
export type SetCampaignSponsorsInput = z.input<typeof SetCampaignSponsorsInput>;

/** The form's own fields (the ordered ids are read from its checkboxes and order boxes). */
export const SponsorFormFields = z.object({ campaignId: z.uuid('Unknown campaign.'), refOnlyPartnerBox: CheckboxField });

/** The checked partners of the co-sponsor form, sorted by their "order" box (then as listed). */
export function orderedSponsorIds(formData: Pick<FormData, 'getAll' | 'get'>): string[] {
  const ids = formData.getAll('sponsor').filter((v): v is string => typeof v === 'string').slice(0, MAX_SPONSORS + 1);
  const order = (id: string) => {
    const n = Number(formData.get(`order:${id}`));
    return Number.isFinite(n) ? n : 0;
  };
  return [...new Set(ids)].map((id, i) => ({ id, i, o: order(id) })).sort((a, b) => a.o - b.o || a.i - b.i).map((x) => x.id);
}

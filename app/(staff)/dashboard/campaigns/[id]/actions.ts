'use server';

import { revalidatePath } from 'next/cache';
import { archiveCampaign } from '@/lib/campaigns/archive-campaign';
import { revalidateCampaign } from '@/lib/campaigns/cache-tags';
import { closeCampaign } from '@/lib/campaigns/close-campaign';
import { duplicateCampaign } from '@/lib/campaigns/duplicate-campaign';
import { publishCampaign } from '@/lib/campaigns/publish-campaign';
import { setCampaignSponsors } from '@/lib/campaigns/set-campaign-sponsors';
import { SponsorFormFields, orderedSponsorIds } from '@/lib/campaigns/sponsor-schemas';
import {
  ArchiveCampaignInput,
  CAMPAIGN_CHECKBOX_KEYS,
  CAMPAIGN_CONTENT_KEYS,
  CloseCampaignInput,
  DuplicateCampaignInput,
  PublishCampaignInput,
  UnpublishCampaignInput,
  UpdateCampaignInput,
} from '@/lib/campaigns/schemas';
import { unpublishCampaign } from '@/lib/campaigns/unpublish-campaign';
import { updateCampaign } from '@/lib/campaigns/update-campaign';
import { LETTER_VARIANT_FIELDS, UpdateLetterVariantsInput, updateLetterVariants } from '@/lib/campaigns/update-letter-variants';
import { UpdateSenatePageInput, updateSenatePage } from '@/lib/campaigns/update-senate-page';
import { isAppError } from '@/lib/errors';
import type { CampaignEditorState } from '@/lib/forms/campaign';
import { staffAction } from '@/lib/forms/staff-action';

const VERSION = ['id', 'expectedUpdatedAt'] as const;

/** The public page, its slug lookups and the staff views of one campaign, after a change commits. */
const refresh = (id: string) => () => {
  revalidateCampaign(id);
  revalidatePath('/dashboard/campaigns');
  revalidatePath(`/dashboard/campaigns/${id}`, 'layout');
};

/** Save the editor ("Save", or "Save and publish" for a draft); the no-JS "Preview" button saves nothing. */
export const updateCampaignAction = staffAction({
  permission: 'campaigns:edit',
  fields: CAMPAIGN_CONTENT_KEYS,
  checkboxes: CAMPAIGN_CHECKBOX_KEYS,
  hidden: [...VERSION, 'intent'],
  schema: UpdateCampaignInput,
  intercept: (values): CampaignEditorState | undefined =>
    values.intent === 'preview' ? { status: 'idle', values, preview: true } : undefined,
  run: async (actor, input, formData) => {
    const saved = await updateCampaign({ actor, input });
    let message = saved.changed.length ? 'Changes saved.' : 'No changes to save.';
    if (formData.get('intent') !== 'publish') return { id: saved.id, message, publishFailed: false };
    try {
      await publishCampaign({ actor, input: { id: saved.id, expectedUpdatedAt: saved.updatedAt } });
      message = saved.changed.length ? 'Changes saved and the campaign is live.' : 'The campaign is live.';
      return { id: saved.id, message, publishFailed: false };
    } catch (e) {
      if (!isAppError(e)) throw e;
      return { id: saved.id, message: `Changes saved, but the campaign was not published: ${e.message}`, publishFailed: true };
    }
  },
  done: (r) => ({
    message: r.message,
    revalidate: refresh(r.id),
    ...(r.publishFailed ? { state: { status: 'error' as const } } : {}),
  }),
});

export const publishCampaignAction = staffAction({
  permission: 'campaigns:edit',
  fields: [],
  hidden: VERSION,
  schema: PublishCampaignInput,
  run: (actor, input) => publishCampaign({ actor, input }),
  done: (r) => ({ message: r.changed ? 'The campaign is live.' : 'The campaign was already live.', revalidate: refresh(r.id) }),
});

export const unpublishCampaignAction = staffAction({
  permission: 'campaigns:edit',
  fields: [],
  hidden: VERSION,
  schema: UnpublishCampaignInput,
  run: (actor, input) => unpublishCampaign({ actor, input }),
  done: (r) => ({ message: 'Back to draft: the public page is offline.', revalidate: refresh(r.id) }),
});

export const closeCampaignAction = staffAction({
  permission: 'campaigns:edit',
  fields: ['resultNote'],
  hidden: VERSION,
  schema: CloseCampaignInput,
  run: (actor, input) => closeCampaign({ actor, input }),
  done: (r) => ({ message: 'The campaign is closed; the page shows your result note.', revalidate: refresh(r.id) }),
});

export const archiveCampaignAction = staffAction({
  permission: 'campaigns:edit',
  fields: [],
  hidden: [...VERSION, 'archived'],
  schema: ArchiveCampaignInput,
  run: (actor, input) => archiveCampaign({ actor, input }),
  done: (r) => ({
    message: r.archived ? 'Archived: the campaign is hidden from the list.' : 'Restored from the archive.',
    revalidate: refresh(r.id),
  }),
});

/** A new draft copy → its editor. */
export const duplicateCampaignAction = staffAction({
  permission: 'campaigns:edit',
  fields: [],
  hidden: ['id'],
  schema: DuplicateCampaignInput,
  run: (actor, input) => duplicateCampaign({ actor, input }),
  done: ({ id }) => ({ revalidate: () => revalidatePath('/dashboard/campaigns'), redirect: `/dashboard/campaigns/${id}?notice=duplicated` }),
});

export const setCampaignSponsorsAction = staffAction({
  permission: 'campaigns:edit',
  fields: [],
  hidden: ['campaignId', 'refOnlyPartnerBox'],
  checkboxes: ['refOnlyPartnerBox'],
  schema: SponsorFormFields,
  // The ordered partner ids come from the repeated `sponsor` boxes; the service parses them again.
  run: (actor, input, formData) => setCampaignSponsors({ actor, input: { ...input, sponsorIds: orderedSponsorIds(formData) } }),
  done: ({ campaignId }) => ({
    message: 'Co-sponsors saved.',
    revalidate: () => {
      revalidateCampaign(campaignId);
      revalidatePath(`/dashboard/campaigns/${campaignId}`);
    },
  }),
});
/** The public Senate page: opt in or out, and which stances it shows (the rows' checkboxes, read as a list). */
export const updateSenatePageAction = staffAction({
  permission: 'campaigns:edit',
  fields: [],
  checkboxes: ['senatePagePublic'],
  hidden: ['id', 'senatePagePublic'],
  schema: UpdateSenatePageInput.omit({ publicStances: true }),
  run: (actor, input, formData) => updateSenatePage({ actor, input: { ...input, publicStances: formData.getAll('publicStances').map(String) } }),
  done: (r) => ({
    message: r.senatePagePublic ? `Saved: the Senate page is public at /c/${r.slug}/senate.` : 'Saved: the Senate page is off.',
    revalidate: refresh(r.id),
  }),
});

/** The letters by stance group (thank / urge / persuade); an empty body falls back to the campaign's letter. */
export const updateLetterVariantsAction = staffAction({
  permission: 'campaigns:edit',
  fields: LETTER_VARIANT_FIELDS,
  hidden: ['id'],
  schema: UpdateLetterVariantsInput,
  run: (actor, input) => updateLetterVariants({ actor, input }),
  done: (r) => ({ message: 'Letter variants saved.', revalidate: refresh(r.id) }),
});

'use server';

import { revalidatePath } from 'next/cache';
import { revalidateCoalition } from '@/lib/campaigns/cache-tags';
import { UpdateEmbedFrameAncestorsInput, updateEmbedFrameAncestors } from '@/lib/embeds/update-embed-frame-ancestors';
import { staffAction } from '@/lib/forms/staff-action';
import { createPartner } from '@/lib/organisations/create-partner';
import { CreateApiKeyInput, RevokeApiKeyInput, createApiKey, revokeApiKey } from '@/lib/osdi/api-keys';
import { retirePartner } from '@/lib/organisations/retire-partner';
import { CreatePartnerInput, RetirePartnerInput, UpdatePartnerInput } from '@/lib/organisations/schemas';
import { UpdateCoalitionInput, updateCoalition } from '@/lib/organisations/update-coalition';
import { updatePartner } from '@/lib/organisations/update-partner';

export const updateCoalitionAction = staffAction({
  permission: 'staff:manage',
  fields: ['name', 'tagline', 'website', 'logoUrl', 'privacyPolicyUrl', 'contactEmail', 'optInText', 'deliveryInboxEmail'],
  hidden: ['expectedUpdatedAt'],
  schema: UpdateCoalitionInput,
  run: (actor, input) => updateCoalition({ actor, input }),
  done: ({ changed }) => ({
    message: changed.length ? 'Settings saved.' : 'No changes to save.',
    // The name and tagline are in every public page's header and footer; the staff frame shows the name.
    revalidate: () => {
      revalidateCoalition();
      revalidatePath('/dashboard', 'layout');
    },
  }),
});

export const updateEmbedFrameAncestorsAction = staffAction({
  permission: 'organisations:manage',
  fields: ['embedFrameAncestors'],
  hidden: ['expectedUpdatedAt'],
  schema: UpdateEmbedFrameAncestorsInput,
  run: (actor, input) => updateEmbedFrameAncestors({ actor, input }),
  done: ({ changed }) => ({
    message: changed ? 'Embed sites saved. Embeds everywhere follow the new list within a few seconds.' : 'No changes to save.',
    // The page's version token (shared with the coalition form) moved on.
    revalidate: () => revalidatePath('/dashboard/organisations'),
  }),
});

const PARTNER_FORM_FIELDS = ['name', 'slug', 'website', 'logoUrl', 'privacyPolicyUrl', 'contactEmail', 'optInText'] as const;

/** Partner names, logos and wording show on the public campaign pages that they co-sponsor. */
const refreshPartners = () => {
  revalidateCoalition();
  revalidatePath('/dashboard/organisations');
};

export const createPartnerAction = staffAction({
  permission: 'organisations:manage',
  fields: PARTNER_FORM_FIELDS,
  schema: CreatePartnerInput,
  run: (actor, input) => createPartner({ actor, input }),
  done: () => ({ message: 'Partner added.', revalidate: refreshPartners }),
});

export const updatePartnerAction = staffAction({
  permission: 'organisations:manage',
  fields: PARTNER_FORM_FIELDS,
  hidden: ['id'],
  schema: UpdatePartnerInput,
  run: (actor, input) => updatePartner({ actor, input }),
  done: ({ changed }) => ({ message: changed.length ? 'Partner saved.' : 'No changes to save.', revalidate: refreshPartners }),
});

export const retirePartnerAction = staffAction({
  permission: 'organisations:manage',
  fields: [],
  hidden: ['id', 'retire'],
  schema: RetirePartnerInput,
  run: (actor, input) => retirePartner({ actor, input }),
  done: ({ retired }) => ({ message: retired ? 'Partner retired.' : 'Partner restored.', revalidate: refreshPartners }),
});

export const createApiKeyAction = staffAction({
  permission: 'organisations:manage',
  fields: ['name', 'organisationId', 'scope'],
  schema: CreateApiKeyInput,
  run: (actor, input) => createApiKey({ actor, input }),
  // The key is shown this once, in the form's answer; only its hash is stored.
  done: ({ key }) => ({ message: `Key created. Copy it now; it will not be shown again: ${key}`, revalidate: () => revalidatePath('/dashboard/organisations') }),
});

export const revokeApiKeyAction = staffAction({
  permission: 'organisations:manage',
  fields: [],
  hidden: ['id'],
  schema: RevokeApiKeyInput,
  run: (actor, input) => revokeApiKey({ actor, input }),
  done: () => ({ message: 'Key revoked.', revalidate: () => revalidatePath('/dashboard/organisations') }),
});

'use server';

import { revalidatePath } from 'next/cache';
import { createCampaign } from '@/lib/campaigns/create-campaign';
import { CreateCampaignInput } from '@/lib/campaigns/schemas';
import { staffAction } from '@/lib/forms/staff-action';

/** New draft → its editor. */
export const createCampaignAction = staffAction({
  permission: 'campaigns:edit',
  fields: ['title', 'slug', 'treatyId'],
  schema: CreateCampaignInput,
  run: (actor, input) => createCampaign({ actor, input }),
  done: ({ id }) => ({ revalidate: () => revalidatePath('/dashboard/campaigns'), redirect: `/dashboard/campaigns/${id}?notice=created` }),
});

'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import type { CreateCampaignState } from '@/components/dashboard/campaigns/editor-state';
import { requireStaffAction } from '@/lib/auth/require-staff';
import { createCampaign } from '@/lib/campaigns/create-campaign';
import { CreateCampaignInput } from '@/lib/campaigns/schemas';
import { validationError } from '@/lib/errors';
import { actionErrorState } from '@/lib/people/action-error';

const text = (fd: FormData, key: string) => String(fd.get(key) ?? '');

/** New draft → its editor. */
export async function createCampaignAction(_prev: CreateCampaignState, formData: FormData): Promise<CreateCampaignState> {
  const values = { title: text(formData, 'title'), slug: text(formData, 'slug'), treatyId: text(formData, 'treatyId') };
  let id: string;
  try {
    const actor = await requireStaffAction('campaigns:edit');
    const parsed = CreateCampaignInput.safeParse(values);
    if (!parsed.success) throw validationError(parsed.error.issues);
    ({ id } = await createCampaign({ actor, input: parsed.data }));
  } catch (e) {
    return { ...(await actionErrorState(e)), values };
  }
  revalidatePath('/dashboard/campaigns');
  redirect(`/dashboard/campaigns/${id}?notice=created`);
}

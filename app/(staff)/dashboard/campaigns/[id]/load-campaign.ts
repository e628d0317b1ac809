import 'server-only';
import { notFound } from 'next/navigation';
import { getStaffCampaign, type StaffCampaign } from '@/lib/campaigns/get-staff-campaign';
import { isAppError } from '@/lib/errors';
import type { StaffActor } from '@/lib/auth/actor';

/** The campaign for the editor and the preview; an unknown or malformed id is a 404. */
export async function loadCampaign(actor: StaffActor, id: string): Promise<StaffCampaign> {
  try {
    return await getStaffCampaign({ actor, input: { id } });
  } catch (e) {
    if (isAppError(e) && e.code === 'NOT_FOUND') notFound();
    throw e;
  }
}

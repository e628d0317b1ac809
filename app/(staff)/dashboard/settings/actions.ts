'use server';

import { revalidatePath } from 'next/cache';
import { requireStaffAction } from '@/lib/auth/require-staff';
import { revalidateCoalition } from '@/lib/campaigns/cache-tags';
import { validationError } from '@/lib/errors';
import { UpdateCoalitionInput, updateCoalition } from '@/lib/organisations/update-coalition';
import { actionErrorState } from '@/lib/people/action-error';
import type { CoalitionFormState } from './coalition-form-state';

const KEYS = ['name', 'tagline', 'website', 'deliveryInboxEmail'] as const;

export async function updateCoalitionAction(_prev: CoalitionFormState, formData: FormData): Promise<CoalitionFormState> {
  const values = Object.fromEntries(KEYS.map((k) => [k, String(formData.get(k) ?? '')]));
  let changed: string[];
  try {
    const actor = await requireStaffAction('staff:manage');
    const parsed = UpdateCoalitionInput.safeParse({ ...values, expectedUpdatedAt: String(formData.get('expectedUpdatedAt') ?? '') });
    if (!parsed.success) throw validationError(parsed.error.issues);
    ({ changed } = await updateCoalition({ actor, input: parsed.data }));
  } catch (e) {
    return { ...(await actionErrorState(e)), values };
  }
  // The name and tagline are in every public page's header and footer; the staff frame shows the name.
  revalidateCoalition();
  revalidatePath('/dashboard', 'layout');
  return { status: 'ok', message: changed.length ? 'Settings saved.' : 'No changes to save.' };
}

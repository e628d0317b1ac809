'use server';

import { revalidatePath } from 'next/cache';
import { after } from 'next/server';
import type { ActionState } from '@/components/dashboard/data-table/action-state';
import { requireStaffAction } from '@/lib/auth/require-staff';
import { kickDrain } from '@/lib/email/drain-loop';
import { retryLetter } from '@/lib/letters-ledger/retry-letter';
import { actionErrorState } from '@/lib/people/action-error';

export async function retryLetterAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  try {
    // First: nothing runs for a signed-out or under-privileged caller (mapped to form state below).
    const actor = await requireStaffAction('letters:retry');
    await retryLetter({ actor, input: { letterId: String(formData.get('letterId') ?? '') } });
  } catch (e) {
    return actionErrorState(e);
  }
  // Send after the response rather than at the next tick.
  after(kickDrain);
  revalidatePath('/dashboard/letters', 'layout');
  return { status: 'ok', message: 'Queued again.' };
}

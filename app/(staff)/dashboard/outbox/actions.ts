'use server';

import { revalidatePath } from 'next/cache';
import { after } from 'next/server';
import type { ActionState } from '@/components/dashboard/data-table/action-state';
import { requireStaffAction } from '@/lib/auth/require-staff';
import { kickDrain } from '@/lib/email/drain-loop';
import { retryOutboxMessage } from '@/lib/outbox-monitor/retry-outbox-message';
import { actionErrorState } from '@/lib/people/action-error';

export async function retryOutboxAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  try {
    // First: nothing runs for a signed-out or under-privileged caller (mapped to form state below).
    const actor = await requireStaffAction('outbox:view');
    await retryOutboxMessage({ actor, input: { outboxId: String(formData.get('outboxId') ?? '') } });
  } catch (e) {
    return actionErrorState(e);
  }
  after(kickDrain);
  revalidatePath('/dashboard/outbox');
  revalidatePath('/dashboard/letters', 'layout');
  return { status: 'ok', message: 'Queued again.' };
}

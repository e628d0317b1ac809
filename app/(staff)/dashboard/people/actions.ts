'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import type { ActionState } from '@/components/dashboard/data-table/action-state';
import { requireStaffAction } from '@/lib/auth/require-staff';
import { actionErrorState } from '@/lib/people/action-error';
import { forgetPerson } from '@/lib/people/forget-person';
import { moderateComment } from '@/lib/people/moderate-comment';

export async function moderateCommentAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  let message: string;
  try {
    // First: nothing runs for a signed-out or under-privileged caller (mapped to form state below).
    const actor = await requireStaffAction('people:moderate');
    const signatureId = String(formData.get('signatureId') ?? '');
    const decision = formData.get('decision') as 'approve' | 'hide';
    const result = await moderateComment({ actor, input: { signatureId, decision } });
    message = result.commentStatus === 'approved' ? 'Comment approved.' : 'Comment hidden.';
  } catch (e) {
    return actionErrorState(e);
  }
  revalidatePath('/dashboard/people', 'layout');
  return { status: 'ok', message };
}

export async function forgetPersonAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  let supporterId: string;
  try {
    // First: nothing runs for a signed-out or under-privileged caller (mapped to form state below).
    const actor = await requireStaffAction('people:forget');
    const result = await forgetPerson({
      actor,
      input: { supporterId: String(formData.get('supporterId') ?? ''), confirmation: String(formData.get('confirmation') ?? '') },
    });
    supporterId = result.supporterId;
  } catch (e) {
    return actionErrorState(e);
  }
  revalidatePath('/dashboard/people', 'layout');
  // redirect() throws, so it stays outside the try; the id is the one the service parsed.
  redirect(`/dashboard/people/${supporterId}?forgotten=1`);
}

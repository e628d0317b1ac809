'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import type { ActionState } from '@/components/dashboard/data-table/action-state';
import { requireStaffAction } from '@/lib/auth/require-staff';
import { actionErrorState } from '@/lib/people/action-error';
import { forgetPerson } from '@/lib/people/forget-person';
import { moderateComment } from '@/lib/people/moderate-comment';
import { peopleReturnPath } from '@/lib/people/return-to';

export async function moderateCommentAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  let decision: 'approve' | 'hide';
  try {
    // First: nothing runs for a signed-out or under-privileged caller (mapped to form state below).
    const actor = await requireStaffAction('people:moderate');
    const signatureId = String(formData.get('signatureId') ?? '');
    const result = await moderateComment({ actor, input: { signatureId, decision: formData.get('decision') as 'approve' | 'hide' } });
    decision = result.commentStatus === 'approved' ? 'approve' : 'hide';
  } catch (e) {
    return actionErrorState(e);
  }
  revalidatePath('/dashboard/people', 'layout');
  // Back to the same view with a notice: the row may have left a filtered list (the queue), taking
  // its own status message with it.
  redirect(peopleReturnPath(formData.get('returnTo'), { moderated: decision }));
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

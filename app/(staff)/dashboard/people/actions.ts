'use server';

import { revalidatePath } from 'next/cache';
import { staffAction } from '@/lib/forms/staff-action';
import { forgetPerson } from '@/lib/people/forget-person';
import { moderateComment } from '@/lib/people/moderate-comment';
import { peopleReturnPath } from '@/lib/people/return-to';
import { ForgetPersonInput, ModerateCommentInput } from '@/lib/people/schemas';

const refresh = () => revalidatePath('/dashboard/people', 'layout');

export const moderateCommentAction = staffAction({
  permission: 'people:moderate',
  fields: [],
  hidden: ['signatureId', 'decision', 'returnTo'],
  schema: ModerateCommentInput,
  run: async (actor, input, formData) => ({ ...(await moderateComment({ actor, input })), returnTo: formData.get('returnTo') }),
  // Back to the same view with a notice: the row may have left a filtered list (the queue), taking
  // its own status message with it.
  done: (result) => ({
    revalidate: refresh,
    redirect: peopleReturnPath(result.returnTo, { moderated: result.commentStatus === 'approved' ? 'approve' : 'hide' }),
  }),
});

export const forgetPersonAction = staffAction({
  permission: 'people:forget',
  fields: [],
  hidden: ['supporterId', 'confirmation'],
  schema: ForgetPersonInput,
  run: (actor, input) => forgetPerson({ actor, input }),
  // The id is the one the service parsed.
  done: (result) => ({ revalidate: refresh, redirect: `/dashboard/people/${result.supporterId}?forgotten=1` }),
});

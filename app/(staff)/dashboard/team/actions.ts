'use server';

import { revalidatePath } from 'next/cache';
import type { ActionState } from '@/components/dashboard/data-table/action-state';
import { requireStaffAction } from '@/lib/auth/require-staff';
import { isAppError } from '@/lib/errors';
import { requestLogger } from '@/lib/log/request-id';
import { inviteStaff } from '@/lib/staff/invite-staff';
import { restoreStaff } from '@/lib/staff/restore-staff';
import { revokeStaff } from '@/lib/staff/revoke-staff';
import { updateStaffRole } from '@/lib/staff/update-staff-role';

export type InviteFormState = ActionState & { values?: { email: string; name: string; role: string } };

const text = (fd: FormData, key: string) => String(fd.get(key) ?? '');

async function failure(e: unknown): Promise<ActionState> {
  if (isAppError(e)) return { status: 'error', message: e.message, fieldErrors: e.fieldErrors };
  (await requestLogger()).error({ err: (e as Error).message }, 'team action failed');
  return { status: 'error', message: 'Something went wrong. Please try again.' };
}

export async function inviteStaffAction(_prev: InviteFormState, formData: FormData): Promise<InviteFormState> {
  const values = { email: text(formData, 'email'), name: text(formData, 'name'), role: text(formData, 'role') };
  try {
    const actor = await requireStaffAction('staff:manage');
    const invited = await inviteStaff({ actor, input: { ...values, role: values.role as never } });
    revalidatePath('/dashboard/team');
    return { status: 'ok', message: `Invitation sent to ${invited.email}.` };
  } catch (e) {
    return { ...(await failure(e)), values };
  }
}

export async function updateStaffRoleAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  try {
    const actor = await requireStaffAction('staff:manage');
    const r = await updateStaffRole({ actor, input: { userId: text(formData, 'userId'), role: text(formData, 'role') as never } });
    revalidatePath('/dashboard/team');
    return { status: 'ok', message: r.changed ? `Saved: now ${r.to}.` : 'No change.' };
  } catch (e) {
    return failure(e);
  }
}

export async function revokeStaffAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  try {
    const actor = await requireStaffAction('staff:manage');
    const r = await revokeStaff({ actor, input: { userId: text(formData, 'userId') } });
    revalidatePath('/dashboard/team');
    return { status: 'ok', message: `Access revoked for ${r.email}.` };
  } catch (e) {
    return failure(e);
  }
}

export async function restoreStaffAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  try {
    const actor = await requireStaffAction('staff:manage');
    const r = await restoreStaff({ actor, input: { userId: text(formData, 'userId') } });
    revalidatePath('/dashboard/team');
    return { status: 'ok', message: `Access restored for ${r.email}.` };
  } catch (e) {
    return failure(e);
  }
}

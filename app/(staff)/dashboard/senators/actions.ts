'use server';

import { revalidatePath } from 'next/cache';
import type { DeliveryEmailState, PositionState } from '@/components/dashboard/senators/senator-form-state';
import { requireStaffAction } from '@/lib/auth/require-staff';
import { validationError } from '@/lib/errors';
import { actionErrorState } from '@/lib/people/action-error';
import { SetDeliveryEmailInput, setDeliveryEmail } from '@/lib/senators/set-delivery-email';
import { SetSenatorPositionInput, setSenatorPosition } from '@/lib/senators/set-senator-position';

const text = (fd: FormData, key: string) => String(fd.get(key) ?? '');

export async function setDeliveryEmailAction(_prev: DeliveryEmailState, formData: FormData): Promise<DeliveryEmailState> {
  const email = text(formData, 'email');
  let message: string;
  let saved: string;
  try {
    const actor = await requireStaffAction('senators:edit');
    const parsed = SetDeliveryEmailInput.safeParse({ senatorId: text(formData, 'senatorId'), email });
    if (!parsed.success) throw validationError(parsed.error.issues);
    const r = await setDeliveryEmail({ actor, input: parsed.data });
    saved = r.email ?? '';
    message = !r.changed ? 'No change.' : r.email ? 'Saved: letters go to this address.' : 'Cleared: writers send their letters themselves.';
  } catch (e) {
    const state = await actionErrorState(e);
    return { ...state, message: state.fieldErrors?.email?.[0] ?? state.message, email };
  }
  revalidatePath('/dashboard/senators');
  return { status: 'ok', message, email: saved };
}

export async function setSenatorPositionAction(_prev: PositionState, formData: FormData): Promise<PositionState> {
  const values = { stance: text(formData, 'stance'), note: text(formData, 'note'), sourceUrl: text(formData, 'sourceUrl') };
  let message: string;
  try {
    const actor = await requireStaffAction('senators:edit');
    const parsed = SetSenatorPositionInput.safeParse({ ...values, senatorId: text(formData, 'senatorId'), treatyId: text(formData, 'treatyId') });
    if (!parsed.success) throw validationError(parsed.error.issues);
    const r = await setSenatorPosition({ actor, input: parsed.data });
    message = r.changed ? 'Position saved.' : 'No change.';
  } catch (e) {
    return { ...(await actionErrorState(e)), values };
  }
  revalidatePath('/dashboard/senators');
  return { status: 'ok', message };
}

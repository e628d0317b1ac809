'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import type { TreatyFormState } from '@/components/dashboard/treaties/treaty-form-state';
import { requireStaffAction } from '@/lib/auth/require-staff';
import { revalidateCampaign } from '@/lib/campaigns/cache-tags';
import { validationError } from '@/lib/errors';
import { actionErrorState } from '@/lib/people/action-error';
import { addTreatyStageEvent } from '@/lib/treaties/add-treaty-stage-event';
import { createTreaty } from '@/lib/treaties/create-treaty';
import { AddTreatyStageEventInput, CreateTreatyInput, UpdateTreatyInput } from '@/lib/treaties/schemas';
import type { TreatyChange } from '@/lib/treaties/update-treaty';
import { updateTreaty } from '@/lib/treaties/update-treaty';

function formValues(fd: FormData, keys: readonly string[]): Record<string, string> {
  return Object.fromEntries(keys.map((k) => [k, String(fd.get(k) ?? '')]));
}

/** Every campaign about the treaty shows it on its public page. */
function refresh(change: TreatyChange) {
  for (const id of change.campaignIds) revalidateCampaign(id);
  revalidatePath('/dashboard/treaties', 'layout');
}

const FACTS = ['name', 'shortName', 'summary', 'adoptedOn', 'usSignedOn', 'signatoriesCount', 'statesPartiesCount', 'countsAsOf', 'countsSource', 'senateTreatyDoc'];
const EVENT = ['stage', 'occurredOn', 'note', 'sourceTitle', 'sourceUrl'];
const NEW = ['name', 'shortName', 'slug', 'summary', 'adoptedOn', 'usSignedOn', 'senateTreatyDoc', 'stage', 'stageOn', 'stageSourceTitle', 'stageSourceUrl'];

export async function createTreatyAction(_prev: TreatyFormState, formData: FormData): Promise<TreatyFormState> {
  const values = formValues(formData, NEW);
  let created: { id: string };
  try {
    const actor = await requireStaffAction('campaigns:edit');
    const parsed = CreateTreatyInput.safeParse(values);
    if (!parsed.success) throw validationError(parsed.error.issues);
    created = await createTreaty({ actor, input: parsed.data });
  } catch (e) {
    return { ...(await actionErrorState(e)), values };
  }
  revalidatePath('/dashboard/treaties', 'layout');
  redirect(`/dashboard/treaties/${created.id}`);
}

export async function updateTreatyAction(_prev: TreatyFormState, formData: FormData): Promise<TreatyFormState> {
  const values = formValues(formData, FACTS);
  let change: TreatyChange;
  try {
    const actor = await requireStaffAction('campaigns:edit');
    const parsed = UpdateTreatyInput.safeParse({ ...values, ...formValues(formData, ['id', 'expectedUpdatedAt']) });
    if (!parsed.success) throw validationError(parsed.error.issues);
    change = await updateTreaty({ actor, input: parsed.data });
  } catch (e) {
    return { ...(await actionErrorState(e)), values };
  }
  refresh(change);
  return { status: 'ok', message: change.changed.length ? 'Treaty facts saved.' : 'No changes to save.' };
}

export async function addTreatyStageEventAction(_prev: TreatyFormState, formData: FormData): Promise<TreatyFormState> {
  const values = formValues(formData, EVENT);
  let added: Awaited<ReturnType<typeof addTreatyStageEvent>>;
  try {
    const actor = await requireStaffAction('campaigns:edit');
    const parsed = AddTreatyStageEventInput.safeParse({ ...values, treatyId: String(formData.get('treatyId') ?? '') });
    if (!parsed.success) throw validationError(parsed.error.issues);
    added = await addTreatyStageEvent({ actor, input: parsed.data });
  } catch (e) {
    return { ...(await actionErrorState(e)), values };
  }
  refresh(added);
  return { status: 'ok', message: 'Step recorded. The treaty’s pages show it now.', values: { eventId: added.eventId } };
}

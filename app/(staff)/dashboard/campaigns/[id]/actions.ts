'use server';

import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import type { ActionState } from '@/components/dashboard/data-table/action-state';
import {
  EDITOR_CHECKBOXES,
  EDITOR_FIELDS,
  type CampaignEditorState,
  type CampaignEditorValues,
  type CloseCampaignState,
} from '@/components/dashboard/campaigns/editor-state';
import { requireStaffAction } from '@/lib/auth/require-staff';
import { archiveCampaign } from '@/lib/campaigns/archive-campaign';
import { revalidateCampaign } from '@/lib/campaigns/cache-tags';
import { closeCampaign } from '@/lib/campaigns/close-campaign';
import { duplicateCampaign } from '@/lib/campaigns/duplicate-campaign';
import { publishCampaign } from '@/lib/campaigns/publish-campaign';
import {
  ArchiveCampaignInput,
  CloseCampaignInput,
  DuplicateCampaignInput,
  PublishCampaignInput,
  UnpublishCampaignInput,
  UpdateCampaignInput,
} from '@/lib/campaigns/schemas';
import { unpublishCampaign } from '@/lib/campaigns/unpublish-campaign';
import { updateCampaign } from '@/lib/campaigns/update-campaign';
import { isAppError, validationError } from '@/lib/errors';
import { actionErrorState } from '@/lib/people/action-error';

const text = (fd: FormData, key: string) => String(fd.get(key) ?? '');
const version = (fd: FormData) => ({ id: text(fd, 'id'), expectedUpdatedAt: text(fd, 'expectedUpdatedAt') });

/** The public page, its slug lookups and the staff views of one campaign, after a change commits. */
function refresh(id: string) {
  revalidateCampaign(id);
  revalidatePath('/dashboard/campaigns');
  revalidatePath(`/dashboard/campaigns/${id}`, 'layout');
}

function editorValues(fd: FormData): CampaignEditorValues {
  const values: CampaignEditorValues = { id: text(fd, 'id'), expectedUpdatedAt: text(fd, 'expectedUpdatedAt') };
  for (const key of EDITOR_FIELDS) values[key] = EDITOR_CHECKBOXES.has(key) ? (fd.get(key) ? 'on' : '') : text(fd, key);
  return values;
}

/** Save the editor ("Save", or "Save and publish" for a draft); the no-JS "Preview" button saves nothing. */
export async function updateCampaignAction(_prev: CampaignEditorState, formData: FormData): Promise<CampaignEditorState> {
  const values = editorValues(formData);
  const intent = text(formData, 'intent');
  let id: string;
  let message: string;
  try {
    const actor = await requireStaffAction('campaigns:edit');
    if (intent === 'preview') return { status: 'idle', values, preview: true };
    const parsed = UpdateCampaignInput.safeParse(values);
    if (!parsed.success) throw validationError(parsed.error.issues);
    const saved = await updateCampaign({ actor, input: parsed.data });
    id = saved.id;
    message = saved.changed.length ? 'Changes saved.' : 'No changes to save.';
    if (intent === 'publish') {
      try {
        await publishCampaign({ actor, input: { id, expectedUpdatedAt: saved.updatedAt } });
        message = saved.changed.length ? 'Changes saved and the campaign is live.' : 'The campaign is live.';
      } catch (e) {
        if (!isAppError(e)) throw e;
        message = `Changes saved, but the campaign was not published: ${e.message}`;
        refresh(id);
        return { status: 'error', message };
      }
    }
  } catch (e) {
    return { ...(await actionErrorState(e)), values };
  }
  refresh(id);
  return { status: 'ok', message };
}

async function statusChange(run: () => Promise<{ id: string; message: string }>): Promise<ActionState> {
  let result: { id: string; message: string };
  try {
    result = await run();
  } catch (e) {
    return actionErrorState(e);
  }
  refresh(result.id);
  return { status: 'ok', message: result.message };
}

export async function publishCampaignAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return statusChange(async () => {
    const actor = await requireStaffAction('campaigns:edit');
    const parsed = PublishCampaignInput.safeParse(version(formData));
    if (!parsed.success) throw validationError(parsed.error.issues);
    const r = await publishCampaign({ actor, input: parsed.data });
    return { id: r.id, message: r.changed ? 'The campaign is live.' : 'The campaign was already live.' };
  });
}

export async function unpublishCampaignAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return statusChange(async () => {
    const actor = await requireStaffAction('campaigns:edit');
    const parsed = UnpublishCampaignInput.safeParse(version(formData));
    if (!parsed.success) throw validationError(parsed.error.issues);
    const r = await unpublishCampaign({ actor, input: parsed.data });
    return { id: r.id, message: 'Back to draft: the public page is offline.' };
  });
}

export async function closeCampaignAction(_prev: CloseCampaignState, formData: FormData): Promise<CloseCampaignState> {
  const values = { resultNote: text(formData, 'resultNote') };
  let id: string;
  try {
    const actor = await requireStaffAction('campaigns:edit');
    const parsed = CloseCampaignInput.safeParse({ ...version(formData), ...values });
    if (!parsed.success) throw validationError(parsed.error.issues);
    ({ id } = await closeCampaign({ actor, input: parsed.data }));
  } catch (e) {
    return { ...(await actionErrorState(e)), values };
  }
  refresh(id);
  return { status: 'ok', message: 'The campaign is closed; the page shows your result note.' };
}

export async function archiveCampaignAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  return statusChange(async () => {
    const actor = await requireStaffAction('campaigns:edit');
    const parsed = ArchiveCampaignInput.safeParse({ ...version(formData), archived: text(formData, 'archived') });
    if (!parsed.success) throw validationError(parsed.error.issues);
    const r = await archiveCampaign({ actor, input: parsed.data });
    return { id: r.id, message: r.archived ? 'Archived: the campaign is hidden from the list.' : 'Restored from the archive.' };
  });
}

/** A new draft copy → its editor. */
export async function duplicateCampaignAction(_prev: ActionState, formData: FormData): Promise<ActionState> {
  let copyId: string;
  try {
    const actor = await requireStaffAction('campaigns:edit');
    const parsed = DuplicateCampaignInput.safeParse({ id: text(formData, 'id') });
    if (!parsed.success) throw validationError(parsed.error.issues);
    ({ id: copyId } = await duplicateCampaign({ actor, input: parsed.data }));
  } catch (e) {
    return actionErrorState(e);
  }
  revalidatePath('/dashboard/campaigns');
  redirect(`/dashboard/campaigns/${copyId}?notice=duplicated`);
}

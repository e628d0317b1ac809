'use server';

import { revalidatePath } from 'next/cache';
import { revalidateCampaign } from '@/lib/campaigns/cache-tags';
import { staffAction } from '@/lib/forms/staff-action';
import { addTreatyStageEvent } from '@/lib/treaties/add-treaty-stage-event';
import { createTreaty } from '@/lib/treaties/create-treaty';
import { AddTreatyStageEventInput, CreateTreatyInput, UpdateTreatyInput } from '@/lib/treaties/schemas';
import type { TreatyChange } from '@/lib/treaties/update-treaty';
import { updateTreaty } from '@/lib/treaties/update-treaty';
import { ImportTreatyPartiesInput, importTreatyParties } from '@/lib/treaties/import-treaty-parties';

/** Every campaign about the treaty shows it on its public page. */
const refresh = (change: TreatyChange) => () => {
  for (const id of change.campaignIds) revalidateCampaign(id);
  revalidatePath('/dashboard/treaties', 'layout');
};

export const createTreatyAction = staffAction({
  permission: 'campaigns:edit',
  fields: ['name', 'shortName', 'slug', 'summary', 'adoptedOn', 'usSignedOn', 'senateTreatyDoc', 'stage', 'stageOn', 'stageSourceTitle', 'stageSourceUrl'],
  schema: CreateTreatyInput,
  run: (actor, input) => createTreaty({ actor, input }),
  done: (created) => ({
    revalidate: () => revalidatePath('/dashboard/treaties', 'layout'),
    redirect: `/dashboard/treaties/${created.id}`,
  }),
});

export const updateTreatyAction = staffAction({
  permission: 'campaigns:edit',
  fields: ['name', 'shortName', 'summary', 'adoptedOn', 'usSignedOn', 'signatoriesCount', 'statesPartiesCount', 'countsAsOf', 'countsSource', 'senateTreatyDoc'],
  hidden: ['id', 'expectedUpdatedAt'],
  schema: UpdateTreatyInput,
  run: (actor, input) => updateTreaty({ actor, input }),
  done: (change) => ({ message: change.changed.length ? 'Treaty facts saved.' : 'No changes to save.', revalidate: refresh(change) }),
});

export const addTreatyStageEventAction = staffAction({
  permission: 'campaigns:edit',
  fields: ['stage', 'occurredOn', 'note', 'sourceTitle', 'sourceUrl'],
  hidden: ['treatyId'],
  schema: AddTreatyStageEventInput,
  run: (actor, input) => addTreatyStageEvent({ actor, input }),
  done: (added) => ({
    message: 'Step recorded. The treaty’s pages show it now.',
    state: { values: { eventId: added.eventId } },
    revalidate: refresh(added),
  }),
});

/** Replace the states-parties list from CSV text (the form shows the current list as CSV to edit). */
export const importTreatyPartiesAction = staffAction({
  permission: 'campaigns:edit',
  fields: ['csv'],
  hidden: ['treatyId'],
  schema: ImportTreatyPartiesInput,
  run: (actor, input) => importTreatyParties({ actor, input }),
  done: (r) => ({ message: `Saved: ${r.count} countries. The public counts now follow this list.`, revalidate: refresh({ id: r.id, changed: [], campaignIds: r.campaignIds }) }),
});

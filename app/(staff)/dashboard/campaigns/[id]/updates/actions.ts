'use server';

import { revalidatePath } from 'next/cache';
import { after } from 'next/server';
import { kickDrain } from '@/lib/email/drain-loop';
import { staffAction } from '@/lib/forms/staff-action';
import { createUpdate } from '@/lib/updates/create-update';
import { CreateUpdateInput, SendUpdateInput, UpdateIdInput } from '@/lib/updates/schemas';
import { sendTestUpdate } from '@/lib/updates/send-test-update';
import { cancelUpdate, sendUpdate } from '@/lib/updates/send-update';

const refresh = () => revalidatePath('/dashboard/campaigns/[id]/updates', 'page');

export const createUpdateAction = staffAction({
  permission: 'updates:send',
  fields: ['subject', 'bodyMd'],
  hidden: ['campaignId'],
  schema: CreateUpdateInput,
  run: (actor, input) => createUpdate({ actor, input }),
  done: () => ({ message: 'Saved as a draft. Preview it below, send yourself a test, then send it.', state: { values: { subject: '', bodyMd: '' } }, revalidate: refresh }),
});

export const sendTestUpdateAction = staffAction({
  permission: 'updates:send',
  fields: [],
  hidden: ['updateId'],
  schema: UpdateIdInput,
  run: async (actor, input) => {
    const r = await sendTestUpdate({ actor, input });
    after(kickDrain);
    return r;
  },
  done: (r) => ({ message: `Test sent to ${r.to}.` }),
});

export const sendUpdateAction = staffAction({
  permission: 'updates:send',
  fields: ['scheduledAt'],
  hidden: ['updateId'],
  schema: SendUpdateInput,
  run: async (actor, input) => {
    const r = await sendUpdate({ actor, input });
    after(kickDrain);
    return r;
  },
  done: (r) => ({
    message: r.status === 'scheduled' ? `Scheduled for ${r.scheduledAt!.toISOString().slice(0, 16).replace('T', ' ')} UTC, to ${r.audience} supporters.` : `Sending to ${r.audience} supporters.`,
    revalidate: refresh,
  }),
});

export const cancelUpdateAction = staffAction({
  permission: 'updates:send',
  fields: [],
  hidden: ['updateId'],
  schema: UpdateIdInput,
  run: (actor, input) => cancelUpdate({ actor, input }),
  done: (r) => ({ message: `Cancelled; ${r.withdrawn} unsent messages withdrawn.`, revalidate: refresh }),
});

'use server';

import { revalidatePath } from 'next/cache';
import { staffAction } from '@/lib/forms/staff-action';
import { SetDeliveryEmailInput, setDeliveryEmail } from '@/lib/senators/set-delivery-email';
import { SetSenatorPositionInput, setSenatorPosition } from '@/lib/senators/set-senator-position';

const refresh = () => revalidatePath('/dashboard/senators');

export const setDeliveryEmailAction = staffAction({
  permission: 'senators:edit',
  fields: ['email'],
  hidden: ['senatorId'],
  schema: SetDeliveryEmailInput,
  run: (actor, input) => setDeliveryEmail({ actor, input }),
  done: (r) => ({
    message: !r.changed ? 'No change.' : r.email ? 'Saved: letters go to this address.' : 'Cleared: writers send their letters themselves.',
    state: { values: { email: r.email ?? '' } },
    revalidate: refresh,
  }),
});

export const setSenatorPositionAction = staffAction({
  permission: 'senators:edit',
  fields: ['stance', 'note', 'sourceUrl'],
  hidden: ['senatorId', 'treatyId'],
  schema: SetSenatorPositionInput,
  run: (actor, input) => setSenatorPosition({ actor, input }),
  done: (r) => ({ message: r.changed ? 'Position saved.' : 'No change.', revalidate: refresh }),
});

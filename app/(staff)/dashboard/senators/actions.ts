'use server';

import { revalidatePath } from 'next/cache';
import { staffAction } from '@/lib/forms/staff-action';
import { SetCwcOfficeInput, setCwcOffice } from '@/lib/senators/set-cwc-office';
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

export const setCwcOfficeAction = staffAction({
  permission: 'senators:edit',
  fields: ['officeCode'],
  checkboxes: ['enabled'],
  hidden: ['senatorId'],
  schema: SetCwcOfficeInput,
  run: (actor, input) => setCwcOffice({ actor, input }),
  done: (r) => ({
    message: !r.changed
      ? 'No change.'
      : !r.office.enabled
        ? 'Saved: this office’s letters skip the CWC service.'
        : `Saved: CWC messages go to ${r.office.code ?? 'no office (the roster has no class)'}.`,
    state: { values: { officeCode: r.office.source === 'override' ? (r.office.code ?? '') : '' } },
    revalidate: refresh,
  }),
});

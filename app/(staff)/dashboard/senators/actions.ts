'use server';

import { revalidatePath } from 'next/cache';
import { ReviewCallReportInput, reviewCallReport } from '@/lib/calls/review-call-report';
import { z } from 'zod';
import { staffAction } from '@/lib/forms/staff-action';
import { reimportRoster } from '@/lib/senators/roster-imports';
import { SetCwcOfficeInput, setCwcOffice } from '@/lib/senators/set-cwc-office';
import { SetDeliveryEmailInput, setDeliveryEmail } from '@/lib/senators/set-delivery-email';
import { SetExpectedAbsentInput, setExpectedAbsent } from '@/lib/senators/set-expected-absent';
import { SetSenatorPositionInput, setSenatorPosition } from '@/lib/senators/set-senator-position';
import { SetStancesBulkInput, setStancesBulk } from '@/lib/senators/set-stances-bulk';

const refresh = () => revalidatePath('/dashboard/senators', 'layout');

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
  fields: ['stance', 'note', 'sourceUrl', 'statedOn'],
  hidden: ['senatorId', 'treatyId'],
  schema: SetSenatorPositionInput,
  run: (actor, input) => setSenatorPosition({ actor, input }),
  done: (r) => ({ message: r.changed ? 'Position saved.' : 'No change.', revalidate: refresh }),
});

// The selected senators are checkboxes in the board's rows (form="bulk-stance"), read as a list.
export const setStancesBulkAction = staffAction({
  permission: 'senators:edit',
  fields: ['stance', 'sourceUrl', 'note', 'statedOn'],
  hidden: ['treatyId'],
  schema: SetStancesBulkInput.omit({ senatorIds: true }),
  run: (actor, input, formData) =>
    setStancesBulk({ actor, input: { ...input, senatorIds: formData.getAll('senatorIds').map(String) } }),
  done: (r) => ({
    message: `Saved for ${r.selected} senator${r.selected === 1 ? '' : 's'}${r.changed < r.selected ? ` (${r.selected - r.changed} already had it)` : ''}.`,
    revalidate: refresh,
  }),
});

export const setExpectedAbsentAction = staffAction({
  permission: 'senators:edit',
  fields: [],
  hidden: ['senatorId', 'treatyId', 'expectedAbsent'],
  schema: SetExpectedAbsentInput,
  run: (actor, input) => setExpectedAbsent({ actor, input }),
  done: (r) => ({ message: r.expectedAbsent ? 'Marked expected absent.' : 'Marked present.', revalidate: refresh }),
});

/** The call review queue: record the report as a stance (the report is its source) or dismiss it. */
export const reviewCallReportAction = staffAction({
  permission: 'senators:edit',
  fields: [],
  hidden: ['id', 'decision'],
  schema: ReviewCallReportInput,
  run: (actor, input) => reviewCallReport({ actor, input }),
  // The reviewed row leaves the queue (and its form with it): the page says what happened.
  done: (r) => ({ revalidate: refresh, redirect: `/dashboard/senators/calls?reviewed=${r.status}` }),
});

/** Import the Senate roster now (the schedule does it daily); the diff is shown and mailed to owners. */
export const reimportRosterAction = staffAction({
  permission: 'senators:edit',
  fields: [],
  schema: z.object({}),
  run: (actor) => reimportRoster({ actor }),
  done: (r) => ({
    message:
      r.added + r.removed + r.changed === 0
        ? `Imported ${r.senatorCount} senators: no changes.`
        : `Imported ${r.senatorCount} senators: ${r.added} joined, ${r.removed} left, ${r.changed} changed. Owners are emailed the details.`,
      revalidate: refresh,
    }),
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

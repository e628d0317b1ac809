'use client';

import { useActionState } from 'react';
import { Button } from '@/components/ui/button';
import { FormMessage } from '@/components/ui/form-message';
import type { FormState } from '@/lib/forms/state';

type Changes = { joined: string[]; left: string[]; party: string[]; committee: string[]; contact: string[] };
type Item = { id: string; when: string; senatorCount: number; changes: Changes };

const LABELS: [keyof Changes, string][] = [
  ['joined', 'Joined'],
  ['left', 'Left'],
  ['party', 'Changed party'],
  ['committee', 'Foreign Relations changes'],
  ['contact', 'New contact details'],
];

/** The latest roster imports with what each changed, and (for editors) "Import the roster now". */
export function RosterImports({ imports, action }: { imports: Item[]; action?: (s: FormState, f: FormData) => Promise<FormState> }) {
  return (
    <section aria-labelledby="roster-heading" className="space-y-3 rounded-lg border border-slate-200 bg-white p-5">
      <h2 id="roster-heading" className="text-lg font-semibold">
        Roster updates
      </h2>
      <p className="text-sm text-muted">The roster is re-imported on a schedule; owners get an email when it changes.</p>
      <ul className="space-y-2 text-sm">
        {imports.map((i, n) => {
          const first = n === imports.length - 1 && i.changes.joined.length >= 90;
          const any = LABELS.some(([k]) => i.changes[k].length > 0);
          return (
            <li key={i.id}>
              <span className="font-medium">{i.when}</span>: {i.senatorCount} senators.{' '}
              {first ? 'First import.' : !any ? 'No changes.' : LABELS.filter(([k]) => i.changes[k].length).map(([k, l]) => `${l}: ${i.changes[k].join(', ')}.`).join(' ')}
            </li>
          );
        })}
      </ul>
      {action && <ReimportForm action={action} />}
    </section>
  );
}

function ReimportForm({ action }: { action: (s: FormState, f: FormData) => Promise<FormState> }) {
  const [state, formAction] = useActionState(action, { status: 'idle' });
  return (
    <form action={formAction} className="space-y-2">
      <Button variant="secondary" pendingLabel="Importing…">
        Import the roster now
      </Button>
      <FormMessage tone={state.status === 'error' ? 'error' : 'success'}>{state.status !== 'idle' ? state.message : null}</FormMessage>
    </form>
  );
}

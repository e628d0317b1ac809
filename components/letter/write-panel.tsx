'use client';

import { useActionState, useState } from 'react';
import { FindSenators } from '@/components/senators/find-senators';
import type { LookupView } from '@/components/senators/lookup-view';
import { initialLetterState, type LetterFormState } from '@/lib/forms/letter';
import type { LetterDraft } from '@/lib/letters/letter-draft';
import { stateName } from '@/lib/geo/us-states';
import { LetterForm } from './letter-form';
import { LetterResult } from './letter-result';
import type { LetterConsent } from './letter-form';

type Props = {
  slug: string;
  source?: string;
  consent: LetterConsent;
  initialLookup: LookupView;
  draft: Pick<LetterDraft, 'salutation' | 'subject' | 'body'>;
  requirePersonalSentence: boolean;
  requireStreet: boolean;
  organisationName: string;
  treaty: { treatyName: string; treatyShortName: string };
  guardToken: string;
  minFillSeconds: number;
  action: (state: LetterFormState, formData: FormData) => Promise<LetterFormState>;
};

/** The write page's interactive part: the lookup, then the letter for the senators it found. */
export function WritePanel(p: Props) {
  const [lookup, setLookup] = useState(p.initialLookup);
  const [state, formAction, pending] = useActionState(p.action, initialLetterState);

  if (state.status === 'done') {
    return <LetterResult result={state.result} slug={p.slug} organisationName={p.organisationName} />;
  }
  const r = lookup.result;
  const senators =
    r?.kind === 'state'
      ? r.senators.map((s) => ({ name: s.name, lastName: s.lastName, stateName: stateName(s.state) }))
      : [];
  return (
    <div className="space-y-10">
      <FindSenators slug={p.slug} source={p.source} view={lookup} onChange={setLookup} />
      {r?.kind === 'state' && senators.length > 0 && (
        <LetterForm
          key={`${r.state}:${r.zip ?? ''}`}
          action={formAction}
          state={state}
          pending={pending}
          guardToken={(state.status === 'error' && state.guardToken) || p.guardToken}
          minFillSeconds={p.minFillSeconds}
          draft={p.draft}
          senators={senators}
          stateCode={r.state}
          zip={r.zip ?? ''}
          source={p.source}
          consent={p.consent}
          requirePersonalSentence={p.requirePersonalSentence}
          requireStreet={p.requireStreet}
          organisationName={p.organisationName}
          treaty={p.treaty}
        />
      )}
    </div>
  );
}

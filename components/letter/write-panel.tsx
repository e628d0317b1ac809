'use client';

import { useActionState, useState } from 'react';
import { FindSenators } from '@/components/senators/find-senators';
import type { LookupView } from '@/components/senators/lookup-view';
import { initialLetterState, type LetterFormState } from '@/lib/forms/letter';
import type { LetterDraft } from '@/lib/letters/letter-draft';
import type { LetterVariantGroup } from '@/lib/letters/letter-variants';
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
  /** The campaign's letters by stance group that have text (the lookup says which senator gets which). */
  variantDrafts: Partial<Record<LetterVariantGroup, Pick<LetterDraft, 'salutation' | 'subject' | 'body'>>>;
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
      ? r.senators.map((s) => {
          const own = s.letterVariant && !s.letterVariant.usesDefault ? p.variantDrafts[s.letterVariant.group] : undefined;
          return {
            name: s.name,
            lastName: s.lastName,
            stateName: stateName(s.state),
            ...(own && s.letterVariant ? { ownLetter: { ...own, label: s.letterVariant.label } } : {}),
          };
        })
      : [];
  // Senators whose stance group has the coalition's own letter get that text (with the writer's own
  // sentence); the editable letter below goes to the others.
  const ownLetter = r?.kind === 'state' ? r.senators.filter((s) => s.letterVariant && !s.letterVariant.usesDefault) : [];
  const standard = r?.kind === 'state' ? r.senators.filter((s) => !s.letterVariant || s.letterVariant.usesDefault) : [];
  return (
    <div className="space-y-10">
      <FindSenators slug={p.slug} source={p.source} view={lookup} onChange={setLookup} />
      {ownLetter.length > 0 && (
        <section aria-labelledby="variant-letters-heading" className="space-y-2 rounded-lg border border-slate-200 bg-white p-4">
          <h3 id="variant-letters-heading" className="font-semibold">
            Which letter each senator gets
          </h3>
          <ul className="list-disc space-y-1 pl-5 text-sm">
            {r?.kind === 'state' &&
              r.senators.map((s) => (
                <li key={s.bioguideId}>
                  Senator {s.name}: {s.letterVariant?.label ?? 'The campaign’s letter'}. {s.letterVariant?.reason}
                </li>
              ))}
          </ul>
          <p className="text-sm text-muted">
            Your own sentence goes into every letter.
            {standard.length > 0
              ? ` The letter you edit below goes to ${standard.map((s) => `Senator ${s.lastName}`).join(' and ')}; the others get the coalition’s text written for them.`
              : ' Each senator gets the coalition’s text written for them; the subject and letter below are not used.'}
          </p>
        </section>
      )}
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

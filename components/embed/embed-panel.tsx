'use client';

import { useActionState, useEffect } from 'react';
import { PetitionForm } from '@/components/petition/petition-form';
import { PetitionProgress } from '@/components/petition/petition-progress';
import type { SignerVisibility } from '@/lib/campaigns/get-public-campaign';
import type { ConsentOffer } from '@/lib/consents/types';
import { initialPetitionState, type PetitionFormState } from '@/lib/forms/petition';

type Props = {
  slug: string;
  title: string;
  organisationName: string;
  count: number;
  goal: number;
  autoStep: boolean;
  signerVisibility: SignerVisibility;
  commentModeration: boolean;
  consentOffers: ConsentOffer[];
  refOnlyPartnerBox: boolean;
  refCode?: string;
  source: string;
  guardToken: string;
  minFillSeconds: number;
  action: (state: PetitionFormState, formData: FormData) => Promise<PetitionFormState>;
};

/**
 * The petition for a partner's page: the form (the same one, working without JS), then a thank-you
 * with the ZIP lookup that opens the letter page in a new tab. Sized to its content by
 * @iframe-resizer/child, loaded only in the browser.
 */
export function EmbedPanel(p: Props) {
  const [state, formAction] = useActionState(p.action, initialPetitionState);
  useEffect(() => {
    void import('@iframe-resizer/child');
  }, []);
  const writeQuery = new URLSearchParams({ source: p.source, ...(p.refCode ? { ref: p.refCode } : {}) });
  const done = (state.status === 'signed' || state.status === 'already_signed') && state.count !== undefined;
  return (
    <div className="space-y-4">
      <h1 className="text-xl font-bold">{p.title}</h1>
      {done ? (
        <div role="status" className="space-y-2">
          <p className="text-lg font-semibold">{state.status === 'signed' ? 'Thank you! Check your email to confirm your signature.' : 'You have already signed: thank you.'}</p>
          <PetitionProgress count={state.count!} goal={p.goal} autoStep={p.autoStep} />
        </div>
      ) : (
        <>
          <PetitionProgress count={p.count} goal={p.goal} autoStep={p.autoStep} />
          <PetitionForm
            action={formAction}
            state={state}
            guardToken={state.guardToken ?? p.guardToken}
            minFillSeconds={p.minFillSeconds}
            organisationName={p.organisationName}
            signerVisibility={p.signerVisibility}
            commentModeration={p.commentModeration}
            consentOffers={p.consentOffers}
            refOnlyPartnerBox={p.refOnlyPartnerBox}
            initialRef={p.refCode}
            initialSource={p.source}
          />
        </>
      )}
      <form method="get" action={`/c/${p.slug}/write`} target="_blank" className="flex flex-wrap items-end gap-2 border-t border-slate-200 pt-4">
        {[...writeQuery.entries()].map(([k, v]) => (
          <input key={k} type="hidden" name={k} value={v} />
        ))}
        <label className="block">
          <span className="block font-medium">Write to your senators: your ZIP code</span>
          <input name="zip" inputMode="numeric" autoComplete="postal-code" maxLength={10} className="mt-1 min-h-11 w-36 rounded-md border border-slate-500 px-3" />
        </label>
        <button type="submit" className="min-h-11 rounded-md px-4 font-semibold text-white" style={{ background: 'var(--embed-accent, #1d4ed8)' }}>
          Find my senators
        </button>
      </form>
    </div>
  );
}

'use client';

import { useActionState } from 'react';
import type { SignerVisibility } from '@/lib/campaigns/get-public-campaign';
import { initialPetitionState, type PetitionFormState } from '@/lib/forms/petition';
import { PetitionForm } from './petition-form';
import { PetitionProgress } from './petition-progress';
import { ThankYou } from './thank-you';
import { useLiveCampaign } from './use-live-campaign';

type Props = {
  slug: string;
  title: string;
  campaignUrl: string;
  organisationName: string;
  initialCount: number;
  goal: number;
  autoStep: boolean;
  signerVisibility: SignerVisibility;
  commentModeration: boolean;
  guardToken: string;
  action: (state: PetitionFormState, formData: FormData) => Promise<PetitionFormState>;
};

// The page (and its form token) may come from a cache hours old; the beacon then supplies a fresh
// token. A fresh page token is kept, so the minimum fill time counts from when the page was shown,
// not from whenever the beacon answered.
const PAGE_TOKEN_MAX_AGE_MS = 3_600_000;
function pageTokenIsFresh(token: string): boolean {
  const issuedAt = Number(token.split('.')[0]);
  return Number.isFinite(issuedAt) && Date.now() - issuedAt < PAGE_TOKEN_MAX_AGE_MS;
}

/**
 * The petition: live count, form, then the thank-you view with the count the service returned —
 * exact and including their signature, while the page's and the beacon's counts are cached.
 */
export function PetitionPanel(p: Props) {
  const [state, formAction] = useActionState(p.action, initialPetitionState);
  const live = useLiveCampaign(p.slug);
  const count = Math.max(p.initialCount, live.count ?? 0);

  if ((state.status === 'signed' || state.status === 'already_signed') && state.count !== undefined) {
    return (
      <ThankYou
        status={state.status}
        firstName={state.firstName}
        count={state.count}
        goal={p.goal}
        autoStep={p.autoStep}
        slug={p.slug}
        title={p.title}
        campaignUrl={p.campaignUrl}
        zip={state.zip}
      />
    );
  }
  return (
    <div>
      <h2 className="text-2xl font-bold">Sign the petition</h2>
      <div className="mt-3">
        <PetitionProgress count={count} goal={p.goal} autoStep={p.autoStep} />
      </div>
      <PetitionForm
        action={formAction}
        state={state}
        guardToken={state.guardToken ?? (pageTokenIsFresh(p.guardToken) ? p.guardToken : (live.guardToken ?? p.guardToken))}
        organisationName={p.organisationName}
        signerVisibility={p.signerVisibility}
        commentModeration={p.commentModeration}
      />
    </div>
  );
}

'use client';

import { useActionState } from 'react';
import type { SignerVisibility } from '@/lib/campaigns/get-public-campaign';
import type { ConsentOffer } from '@/lib/consents/types';
import { initialPetitionState, type PetitionFormState } from '@/lib/forms/petition';
import { PetitionForm } from './petition-form';
import { PetitionProgress } from './petition-progress';
import { ThankYou } from './thank-you';
import { useLiveCampaign } from './use-live-campaign';

type Props = {
  slug: string;
  organisationName: string;
  initialCount: number;
  goal: number;
  autoStep: boolean;
  signerVisibility: SignerVisibility;
  commentModeration: boolean;
  guardToken: string;
  minFillSeconds: number;
  consentOffers: ConsentOffer[];
  refOnlyPartnerBox: boolean;
  initialRef?: string;
  initialSource?: string;
  action: (state: PetitionFormState, formData: FormData) => Promise<PetitionFormState>;
};

// Which form token to post: the page's comes from a cache, perhaps hours old or rendered before
// the database (and its salt) changed, so the beacon's, issued as the page loaded, replaces it;
// after a refusal, the one the answer brought (lib/security/form-guard.ts guardTokenForRetry).
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
        guardToken={state.guardToken ?? live.guardToken ?? p.guardToken}
        minFillSeconds={p.minFillSeconds}
        organisationName={p.organisationName}
        signerVisibility={p.signerVisibility}
        commentModeration={p.commentModeration}
        consentOffers={p.consentOffers}
        refOnlyPartnerBox={p.refOnlyPartnerBox}
        initialRef={p.initialRef}
        initialSource={p.initialSource}
      />
    </div>
  );
}

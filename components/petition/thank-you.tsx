'use client';

import { useEffect, useRef } from 'react';
import { LetterPanel } from '@/components/campaign/letter-panel';
import { ShareLinks } from '@/components/campaign/share-links';
import { PetitionProgress } from './petition-progress';

type Props = {
  status: 'signed' | 'already_signed';
  firstName?: string;
  count: number;
  goal: number;
  autoStep: boolean;
  slug: string;
  title: string;
  campaignUrl: string;
  zip?: string;
};

/** What a signer sees next: their signature counted, then the two things that help most. */
export function ThankYou({ status, firstName, count, goal, autoStep, slug, title, campaignUrl, zip }: Props) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  return (
    <div className="space-y-5">
      <div>
        <h2 ref={headingRef} tabIndex={-1} className="text-2xl font-bold">
          {status === 'signed' ? `Thank you${firstName ? `, ${firstName}` : ''}!` : 'You’ve already signed — thank you'}
        </h2>
        <p className="mt-2" role="status">
          {status === 'signed'
            ? 'Your signature has been added. We’ve sent you an email: please click the link in it to confirm your signature.'
            : 'Your signature was already counted, so we haven’t added it again.'}
        </p>
      </div>
      <PetitionProgress count={count} goal={goal} autoStep={autoStep} />
      <LetterPanel slug={slug} defaultZip={zip} headingLevel={3} />
      <div className="rounded-lg border border-slate-200 bg-white p-5">
        <ShareLinks campaignUrl={campaignUrl} title={title} headingLevel={3} />
      </div>
    </div>
  );
}

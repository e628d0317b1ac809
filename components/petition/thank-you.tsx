'use client';

import { useEffect, useRef } from 'react';
import { SHARE_SECTION_ID } from '@/components/campaign/section-ids';
import { useUrlSource } from '@/components/campaign/use-client-value';
import { PetitionProgress } from './petition-progress';

type Props = {
  status: 'signed' | 'already_signed';
  firstName?: string;
  count: number;
  goal: number;
  autoStep: boolean;
  slug: string;
  zip?: string;
};

/**
 * What a signer sees next: their signature counted, then the two things that help most. The
 * letter and share blocks are already on the page, so this points to them rather than repeating
 * them: the letter link goes straight to the senators for the ZIP just given.
 */
export function ThankYou({ status, firstName, count, goal, autoStep, slug, zip }: Props) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => headingRef.current?.focus(), []);
  const source = useUrlSource();
  const query = new URLSearchParams();
  if (zip) query.set('zip', zip);
  if (source) query.set('source', source);
  const qs = query.toString();
  const writeHref = `/c/${slug}/write${qs ? `?${qs}` : ''}`;
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
      <div>
        <h3 className="text-lg font-semibold">What helps most next</h3>
        <ul className="mt-2 list-disc space-y-2 pl-5">
          <li>
            <a href={writeHref} className="font-medium text-brand-700 underline">
              Send a letter to your senators
            </a>{' '}
            — a personal letter from a constituent carries weight with a Senate office.
          </li>
          <li>
            <a href={`#${SHARE_SECTION_ID}`} className="font-medium text-brand-700 underline">
              Share the campaign
            </a>{' '}
            with people who care about it.
          </li>
        </ul>
      </div>
    </div>
  );
}

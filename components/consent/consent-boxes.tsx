'use client';

import { useClientValue } from '@/components/campaign/use-client-value';
import { CheckboxField } from '@/components/ui/field';
import { arrangeOffers, type ConsentOffer } from '@/lib/consents/types';

/** The `?ref=` of the current page (the campaign page is cached and never reads its query). */
export function useUrlRef(): string {
  return useClientValue(() => (new URLSearchParams(window.location.search).get('ref') ?? '').trim().toLowerCase().slice(0, 40), '');
}

/**
 * Hidden `ref` field: the server's value on an embed (rendered per request), else the page URL's.
 * Without JS on the cached page it stays empty and the server reads the Referer or the ref cookie.
 */
export function RefInput({ initial }: { initial?: string }) {
  const fromUrl = useUrlRef();
  return <input type="hidden" name="ref" value={initial || fromUrl} />;
}

/**
 * One unchecked opt-in box per organisation (the host's as `optIn`, each partner's as a repeated
 * `optInPartner`), each with its own words and privacy link; a referring partner's box first.
 */
export function ConsentBoxes({
  offers,
  refOnlyPartnerBox,
  initialRef,
  checked,
}: {
  offers: ConsentOffer[];
  refOnlyPartnerBox: boolean;
  /** The ref the server already knows (embeds); the cached page learns it in the browser. */
  initialRef?: string;
  /** What was ticked before a refused submission. */
  checked?: { optIn?: boolean; optInPartners?: string[] };
}) {
  const fromUrl = useUrlRef();
  const shown = arrangeOffers(offers, initialRef || fromUrl, refOnlyPartnerBox);
  return (
    <fieldset className="space-y-1">
      <legend className="sr-only">Email updates (optional)</legend>
      {shown.map((o) => (
        <CheckboxField
          key={o.id}
          label={o.wording}
          name={o.kind === 'host' ? 'optIn' : 'optInPartner'}
          value={o.kind === 'host' ? 'on' : o.slug}
          defaultChecked={o.kind === 'host' ? (checked?.optIn ?? false) : (checked?.optInPartners?.includes(o.slug) ?? false)}
          hint={
            <>
              Optional. From {o.name}; unsubscribe at any time.
              {o.privacyPolicyUrl && (
                <>
                  {' '}
                  <a href={o.privacyPolicyUrl} className="underline" target="_blank" rel="noopener noreferrer">
                    {o.name}’s privacy policy
                  </a>
                </>
              )}
            </>
          }
        />
      ))}
    </fieldset>
  );
}

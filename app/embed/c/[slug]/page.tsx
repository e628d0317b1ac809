import type { Metadata } from 'next';
import { headers } from 'next/headers';
import { notFound } from 'next/navigation';
import type { CSSProperties } from 'react';
import { EmbedPanel } from '@/components/embed/embed-panel';
import { getPublicCampaign, petitionSettings } from '@/lib/campaigns/get-public-campaign';
import { resolveCampaignSlug } from '@/lib/campaigns/resolve-campaign-slug';
import { RefField } from '@/lib/consents/schemas';
import { embedColours, embedSource } from '@/lib/embeds/embed-headers';
import { env } from '@/lib/env';
import { getSignatureCount } from '@/lib/petitions/get-signature-count';
import { defaultMinFillSeconds, issueFormGuardToken } from '@/lib/security/form-guard';
import { signEmbeddedPetitionAction } from './actions';

export const metadata: Metadata = { title: 'Sign the petition', robots: { index: false, follow: false } };

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

/**
 * The petition for a partner's website, in an iframe: no site chrome, the partner's box first with
 * `?ref=`, colours from `?accent=&bg=&text=` (hex only), and `source=embed:<host>` from the
 * embedding page. Rendered per request (it reads its query and Referer), and needs no cookie: the
 * form carries its own token, ref and source, so it works where third-party cookies are blocked.
 */
export default async function EmbedPage({ params, searchParams }: Props) {
  const [{ slug }, query, h] = await Promise.all([params, searchParams, headers()]);
  const resolved = await resolveCampaignSlug(slug);
  if (resolved.kind !== 'found') notFound();
  const campaign = await getPublicCampaign(resolved.id);
  if (!campaign || !campaign.open) notFound();
  const refCode = RefField.parse(typeof query.ref === 'string' ? query.ref : undefined);
  const source = embedSource(h.get('referer'), new URL(env().APP_URL).origin);
  const [count, guardToken] = await Promise.all([getSignatureCount(campaign.id), issueFormGuardToken()]);
  const style = { ...embedColours(query), background: 'var(--embed-bg, #fff)', color: 'var(--embed-text, inherit)' } as CSSProperties;
  return (
    <main style={style} className="p-4">
      <EmbedPanel
        {...petitionSettings(campaign)}
        title={campaign.title}
        count={count}
        refCode={refCode}
        source={source}
        guardToken={guardToken}
        minFillSeconds={defaultMinFillSeconds()}
        action={signEmbeddedPetitionAction.bind(null, campaign.slug)}
      />
    </main>
  );
}

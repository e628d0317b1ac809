// The campaign page, shared by /c/[slug] and /c/[slug]/r/[ref] (a partner's referral link).
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound, permanentRedirect } from 'next/navigation';
import { CampaignHeader } from '@/components/campaign/campaign-header';
import { CampaignStory } from '@/components/campaign/campaign-story';
import { CoSponsors } from '@/components/campaign/co-sponsors';
import { ClosedResult } from '@/components/campaign/closed-result';
import { LetterPanel } from '@/components/campaign/letter-panel';
import { RecentSigners } from '@/components/campaign/recent-signers';
import { SHARE_SECTION_ID } from '@/components/campaign/section-ids';
import { ShareLinks } from '@/components/campaign/share-links';
import { TreatyStatus } from '@/components/campaign/treaty-status';
import { PetitionPanel } from '@/components/petition/petition-panel';
import { PetitionProgress } from '@/components/petition/petition-progress';
import { petitionSettings } from '@/lib/campaigns/get-public-campaign';
import {
  cachedPublicCampaign,
  cachedRecentSigners,
  cachedResolveSlug,
  cachedSignatureCount,
} from '@/lib/campaigns/public-cache';
import { env } from '@/lib/env';
import { defaultMinFillSeconds, issueFormGuardToken } from '@/lib/security/form-guard';
import { signPetitionAction } from './actions';
import type { ConsentOffer } from '@/lib/consents/types';


const PAGE_COUNT_TTL_SECONDS = 30;

/** The campaign for a slug; a renamed slug redirects (from the page only: metadata and page both
 * throwing the redirect would send two Location headers), keeping a referring partner's `?ref=`
 * so the new address shows their box first too. */
async function load(slug: string, { follow, refCode }: { follow: boolean; refCode?: string }) {
  const resolved = await cachedResolveSlug(slug);
  if (resolved.kind === 'moved') {
    if (follow) permanentRedirect(`/c/${resolved.slug}${refCode ? `?ref=${encodeURIComponent(refCode)}` : ''}`);
    return null;
  }
  if (resolved.kind === 'missing') notFound();
  const campaign = await cachedPublicCampaign(resolved.id);
  if (!campaign) notFound();
  return campaign;
}

/** The page's metadata, for /c/[slug] and its partner-referral variant (canonical: the plain URL). */
export async function campaignMetadata(slug: string): Promise<Metadata> {
  const campaign = await load(slug, { follow: false });
  if (!campaign) return {};
  return {
    metadataBase: new URL(env().APP_URL),
    title: campaign.title,
    description: campaign.summary || campaign.treaty.name,
    alternates: { canonical: `/c/${campaign.slug}` },
    openGraph: { title: campaign.title, description: campaign.summary, type: 'website' },
  };
}

/** A referring partner's code, if it is one of this campaign's co-sponsors (else the page as for anyone). */
function referrerOf(offers: ConsentOffer[], refCode: string | undefined): string | undefined {
  return refCode && offers.some((o) => o.kind === 'partner' && o.slug === refCode) ? refCode : undefined;
}

/**
 * The campaign page. `refCode`: the partner whose `?ref=` link brought the visitor (proxy.ts rewrites
 * such a request to /c/[slug]/r/[ref]), so its opt-in box comes first even without JavaScript.
 */
export async function CampaignPageView({ slug, refCode }: { slug: string; refCode?: string }) {
  const campaign = await load(slug, { follow: true, refCode });
  if (!campaign) notFound(); // unreachable: a moved slug redirected
  const [count, signers, guardToken] = await Promise.all([
    cachedSignatureCount(campaign.id, PAGE_COUNT_TTL_SECONDS),
    cachedRecentSigners(campaign.id, campaign.signerVisibility),
    campaign.open ? issueFormGuardToken() : Promise.resolve(''),
  ]);
  const campaignUrl = `${env().APP_URL.replace(/\/$/, '')}/c/${campaign.slug}`;

  return (
    <article>
      <CampaignHeader treatyShortName={campaign.treaty.shortName} title={campaign.title} summary={campaign.summary} />

      <div className="mt-8 grid gap-8 lg:grid-cols-[minmax(0,1fr)_24rem]">
        <aside aria-label="Take action" className="space-y-6 lg:order-2">
          <div className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
            {campaign.open ? (
              <PetitionPanel
                {...petitionSettings(campaign)}
                initialCount={count}
                initialRef={referrerOf(campaign.consentOffers, refCode)}
                guardToken={guardToken}
                minFillSeconds={defaultMinFillSeconds()}
                action={signPetitionAction.bind(null, campaign.slug)}
              />
            ) : (
              <ClosedResult resultNote={campaign.resultNote} closedAt={campaign.closedAt}>
                <PetitionProgress count={count} goal={campaign.petitionGoal} autoStep={false} />
              </ClosedResult>
            )}
          </div>
          {campaign.open && <LetterPanel slug={campaign.slug} />}
        </aside>

        <div className="min-w-0 space-y-8 lg:order-1">
          <CoSponsors sponsors={campaign.consentOffers.filter((o) => o.kind === 'partner')} />
          <CampaignStory markdown={campaign.storyMd} />
          <TreatyStatus treaty={campaign.treaty} />
          {campaign.senatePagePublic && (
            <p>
              <Link href={`/c/${campaign.slug}/senate`} className="font-semibold text-brand-700 underline">
                See where each senator stands
              </Link>
            </p>
          )}
          <RecentSigners signers={signers} />
          <div className="rounded-lg border border-slate-200 bg-white p-5">
            <ShareLinks id={SHARE_SECTION_ID} campaignUrl={campaignUrl} title={campaign.title} />
          </div>
        </div>
      </div>
    </article>
  );
}

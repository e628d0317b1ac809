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
import {
  cachedPublicCampaign,
  cachedRecentSigners,
  cachedResolveSlug,
  cachedSignatureCount,
} from '@/lib/campaigns/public-cache';
import { env } from '@/lib/env';
import { defaultMinFillSeconds, issueFormGuardToken } from '@/lib/security/form-guard';
import { signPetitionAction } from './actions';

// Served from the full-route cache (ISR), rendered on first request and never at build time (no
// database then): no paths up front, any slug rendered on demand. The page reads no request data
// (no headers, cookies or search params), so it stays static; staff edits expire it through the
// campaign's cache tag (lib/campaigns/cache-tags.ts), and it re-renders in the background at most
// every 30 s for the count and recent signers. The browser then refreshes the count through the
// view beacon, and a signer's own answer carries the count the service returned.
export const revalidate = 30;
export const dynamicParams = true;
export function generateStaticParams(): { slug: string }[] {
  return [];
}

const PAGE_COUNT_TTL_SECONDS = 30;

type Params = { params: Promise<{ slug: string }> };

/** The campaign for a slug; a renamed slug redirects (from the page only: metadata and page both
 * throwing the redirect would send two Location headers). */
async function load(slug: string, { follow }: { follow: boolean }) {
  const resolved = await cachedResolveSlug(slug);
  if (resolved.kind === 'moved') {
    if (follow) permanentRedirect(`/c/${resolved.slug}`);
    return null;
  }
  if (resolved.kind === 'missing') notFound();
  const campaign = await cachedPublicCampaign(resolved.id);
  if (!campaign) notFound();
  return campaign;
}

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const campaign = await load((await params).slug, { follow: false });
  if (!campaign) return {};
  return {
    metadataBase: new URL(env().APP_URL),
    title: campaign.title,
    description: campaign.summary || campaign.treaty.name,
    alternates: { canonical: `/c/${campaign.slug}` },
    openGraph: { title: campaign.title, description: campaign.summary, type: 'website' },
  };
}

export default async function CampaignPage({ params }: Params) {
  const campaign = await load((await params).slug, { follow: true });
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
                slug={campaign.slug}
                organisationName={campaign.organisationName}
                initialCount={count}
                goal={campaign.petitionGoal}
                autoStep={campaign.goalAutoStep}
                signerVisibility={campaign.signerVisibility}
                commentModeration={campaign.commentModeration}
                consentOffers={campaign.consentOffers}
                refOnlyPartnerBox={campaign.refOnlyPartnerBox}
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

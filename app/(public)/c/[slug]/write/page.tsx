import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound, permanentRedirect } from 'next/navigation';
import { WritePanel } from '@/components/letter/write-panel';
import type { LookupView } from '@/components/senators/lookup-view';
import { writeUrl } from '@/components/senators/lookup-view';
import { resolveCampaignSlug } from '@/lib/campaigns/resolve-campaign-slug';
import { cwcEnabled } from '@/lib/env';
import { isAppError } from '@/lib/errors';
import { getLetterCampaign } from '@/lib/letters/letter-campaign';
import { lookupSenators } from '@/lib/letters/lookup-senators';
import { attachCampaignStances } from '@/lib/senators/attach-campaign-stances';
import { requestLogger } from '@/lib/log/request-id';
import { SourceField } from '@/lib/petitions/schemas';
import { getDb } from '@/db/client';
import { listConsentOffers } from '@/lib/consents/consent-offers';
import { RefField } from '@/lib/consents/schemas';
import { defaultMinFillSeconds, issueFormGuardToken } from '@/lib/security/form-guard';
import { enforcePublicLimits } from '@/lib/security/public-limits';
import { sendLettersAction } from './actions';

type Props = {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

const one = (v: string | string[] | undefined) => (typeof v === 'string' ? v.slice(0, 40) : '');

async function load(slug: string, query: Record<string, string | string[] | undefined>) {
  const resolved = await resolveCampaignSlug(slug);
  if (resolved.kind === 'moved') {
    permanentRedirect(writeUrl(resolved.slug, { zip: one(query.zip), state: one(query.state), source: one(query.source) }));
  }
  if (resolved.kind === 'missing') notFound();
  const campaign = await getLetterCampaign(resolved.id);
  if (!campaign) notFound();
  return campaign;
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug } = await params;
  const resolved = await resolveCampaignSlug(slug);
  const campaign = resolved.kind === 'found' ? await getLetterCampaign(resolved.id) : null;
  return {
    title: campaign ? `Write to your senators · ${campaign.title}` : 'Write to your senators',
    alternates: { canonical: `/c/${slug}/write` },
    robots: { index: false },
  };
}

/** Answer the page's query (a lookup costs a rate-limit unit per IP); errors become field messages. */
async function lookupView(zip: string, state: string, slug: string): Promise<LookupView> {
  const view: LookupView = { zip, state, result: null };
  if (!zip && !state) return view;
  try {
    await enforcePublicLimits('lookup');
    view.result = await attachCampaignStances(await lookupSenators({ zip, state }), slug);
  } catch (e) {
    if (isAppError(e)) view.error = { message: e.message, ...(e.fieldErrors ? { fieldErrors: e.fieldErrors } : {}) };
    else {
      (await requestLogger()).error({ err: e instanceof Error ? e.message : String(e) }, 'senator lookup failed');
      view.error = { message: 'Something went wrong looking up your senators. Please try again.' };
    }
  }
  return view;
}

export default async function WritePage({ params, searchParams }: Props) {
  const [{ slug }, query] = await Promise.all([params, searchParams]);
  const campaign = await load(slug, query);
  const source = SourceField.parse(one(query.source)) ?? undefined;

  if (!campaign.open) {
    return (
      <div className="max-w-2xl space-y-4">
        <h1 className="text-3xl font-bold">This campaign has closed</h1>
        <p className="text-lg">“{campaign.title}” no longer sends letters. Thank you for your support.</p>
        <p>
          <Link href={`/c/${campaign.slug}`} className="font-semibold text-brand-700 underline">
            See the campaign’s result
          </Link>
        </p>
      </div>
    );
  }

  const [view, guardToken, consentOffers] = await Promise.all([
    lookupView(one(query.zip), one(query.state), campaign.slug),
    issueFormGuardToken(),
    listConsentOffers(getDb(), campaign.id),
  ]);
  const ref = RefField.parse(one(query.ref)) ?? undefined;
  return (
    <div className="max-w-4xl space-y-8">
      <header>
        <p className="text-sm font-semibold uppercase tracking-wide text-brand-700">{campaign.treatyShortName}</p>
        <h1 className="mt-1 text-3xl font-bold tracking-tight">Write to your senators</h1>
        <p className="mt-2 text-lg text-muted">
          About: <Link href={`/c/${campaign.slug}`} className="text-brand-700 underline">{campaign.title}</Link>
        </p>
        <p className="mt-2">
          <Link href={`/c/${campaign.slug}/call${one(query.zip) ? `?zip=${encodeURIComponent(one(query.zip))}` : ''}`} className="text-brand-700 underline">
            Prefer to call? Numbers and what to say
          </Link>
        </p>
      </header>
      <WritePanel
        slug={campaign.slug}
        source={source}
        consent={{ offers: consentOffers, refOnlyPartnerBox: campaign.refOnlyPartnerBox, ref }}
        initialLookup={view}
        draft={{ salutation: campaign.draft.salutation, subject: campaign.draft.subject, body: campaign.draft.body }}
        variantDrafts={Object.fromEntries(
          Object.entries(campaign.variantDrafts).map(([g, d]) => [g, { salutation: d.salutation, subject: d.subject, body: d.body }]),
        )}
        requirePersonalSentence={campaign.requirePersonalSentence}
        requireStreet={cwcEnabled()}
        organisationName={campaign.organisationName}
        treaty={{ treatyName: campaign.treatyName, treatyShortName: campaign.treatyShortName }}
        guardToken={guardToken}
        minFillSeconds={defaultMinFillSeconds()}
        action={sendLettersAction.bind(null, campaign.slug)}
      />
    </div>
  );
}

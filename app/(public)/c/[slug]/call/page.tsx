import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound, permanentRedirect } from 'next/navigation';
import { CallReportForm } from '@/components/calls/call-report-form';
import { resolveCampaignSlug } from '@/lib/campaigns/resolve-campaign-slug';
import { getCallSheet } from '@/lib/calls/get-call-sheet';
import { isAppError } from '@/lib/errors';
import { getLetterCampaign } from '@/lib/letters/letter-campaign';
import { lookupSenators } from '@/lib/letters/lookup-senators';
import { issueFormGuardToken } from '@/lib/security/form-guard';
import { enforcePublicLimits } from '@/lib/security/public-limits';
import { attachCampaignStances } from '@/lib/senators/attach-campaign-stances';
import { reportCallAction } from './actions';

type Props = { params: Promise<{ slug: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const one = (v: string | string[] | undefined) => (typeof v === 'string' ? v.slice(0, 40) : '');

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const { slug } = await params;
  return { title: 'Call your senators', alternates: { canonical: `/c/${slug}/call` }, robots: { index: false } };
}

/** Call your senators: a script fitted to each one, click-to-call numbers, and "how did it go?". No JS needed. */
export default async function CallPage({ params, searchParams }: Props) {
  const [{ slug }, q] = await Promise.all([params, searchParams]);
  const resolved = await resolveCampaignSlug(slug);
  if (resolved.kind === 'moved') permanentRedirect(`/c/${resolved.slug}/call`);
  if (resolved.kind === 'missing') notFound();
  const campaign = await getLetterCampaign(resolved.id);
  if (!campaign?.open) notFound();
  const zip = one(q.zip);
  const state = one(q.state);
  let error: string | null = null;
  let sheet: Awaited<ReturnType<typeof getCallSheet>> = [];
  if (zip || state) {
    try {
      await enforcePublicLimits('lookup');
      const lookup = await attachCampaignStances(await lookupSenators({ zip, state }), campaign.slug);
      sheet = await getCallSheet(campaign.slug, lookup, campaign.treatyShortName);
      if (lookup.kind === 'choose') error = `ZIP code ${zip} is in more than one state: look up by state instead.`;
      if (lookup.kind === 'no_senators') error = lookup.explanation;
    } catch (e) {
      if (!isAppError(e)) throw e;
      error = e.message;
    }
  }
  const guardToken = await issueFormGuardToken();
  return (
    <div className="max-w-3xl space-y-8">
      <header>
        <p className="text-sm font-semibold uppercase tracking-wide text-brand-700">{campaign.treatyShortName}</p>
        <h1 className="mt-1 text-3xl font-bold">Call your senators</h1>
        <p className="mt-2 text-muted">
          About: <Link href={`/c/${campaign.slug}`} className="text-brand-700 underline">{campaign.title}</Link>
        </p>
      </header>
      <form method="get" className="flex flex-wrap items-end gap-3">
        <div>
          <label htmlFor="call-zip" className="block font-medium">
            Your ZIP code
          </label>
          <input id="call-zip" name="zip" defaultValue={zip} inputMode="numeric" autoComplete="postal-code" className="mt-1 min-h-11 rounded-md border border-slate-500 px-2" />
        </div>
        <button type="submit" className="min-h-11 rounded-md border border-brand-700 bg-brand-700 px-4 font-semibold text-white">
          Find my senators
        </button>
      </form>
      {error && (
        <p role="alert" className="font-medium text-red-700">
          {error}
        </p>
      )}
      {sheet.map((s) => (
        <section key={s.id} aria-labelledby={`call-${s.id}`} className="space-y-3 rounded-lg border border-slate-200 bg-white p-5">
          <h2 id={`call-${s.id}`} className="text-xl font-semibold">
            Senator {s.name}
          </h2>
          <p className="text-sm">
            {s.label}. {s.reason}
          </p>
          <ul className="space-y-1">
            {s.phones.map((p) => (
              <li key={p.href + p.label}>
                {p.label}:{' '}
                <a href={p.href} className="font-semibold text-brand-700 underline">
                  {p.display}
                </a>
              </li>
            ))}
          </ul>
          <div>
            <h3 className="font-medium">What to say</h3>
            <p className="mt-1 rounded-md bg-slate-50 p-3">{s.script}</p>
          </div>
          <CallReportForm senatorId={s.id} senatorName={s.name} guardToken={guardToken} action={reportCallAction.bind(null, campaign.slug)} />
        </section>
      ))}
    </div>
  );
}

import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound, permanentRedirect } from 'next/navigation';
import { connection } from 'next/server';
import { formatDay } from '@/components/campaign/stage-copy';
import { PublicSenateTable } from '@/components/senators/public-senate-table';
import { SenateSeatChart } from '@/components/senators/senate-seat-chart';
import { resolveCampaignSlug } from '@/lib/campaigns/resolve-campaign-slug';
import { env } from '@/lib/env';
import { getPublicSenate } from '@/lib/senators/get-public-senate';
import { PUBLIC_STANCE_LABELS } from '@/lib/senators/public-stance';
import { arithmeticExplained, arithmeticHeadline } from '@/lib/senators/senate-arithmetic';

type Params = { params: Promise<{ slug: string }> };

// Rendered per request (stances change more often than campaign copy): 100 rows, one short query.
async function load(slug: string) {
  await connection();
  const resolved = await resolveCampaignSlug(slug);
  if (resolved.kind === 'moved') permanentRedirect(`/c/${resolved.slug}/senate`);
  if (resolved.kind === 'missing') notFound();
  const senate = await getPublicSenate(resolved.id);
  if (!senate) notFound();
  return senate;
}

export async function generateMetadata({ params }: Params): Promise<Metadata> {
  const { slug } = await params;
  return { metadataBase: new URL(env().APP_URL), title: 'Where the Senate stands', alternates: { canonical: `/c/${slug}/senate` } };
}

export default async function PublicSenatePage({ params }: Params) {
  const senate = await load((await params).slug);
  const { arithmetic, publicYes, committee } = senate;
  const short = Math.max(0, arithmetic.needed - publicYes);
  const summary = `Seat chart of the Senate by public position on the ${senate.campaign.treatyShortName}: ${publicYes} publicly in favour, ${arithmetic.needed} votes needed. The table below lists every senator.`;

  return (
    <article className="space-y-8">
      <header className="space-y-2">
        <p>
          <Link href={`/c/${senate.campaign.slug}`} className="text-brand-700 underline">
            {senate.campaign.title}
          </Link>
        </p>
        <h1 className="text-3xl font-bold">Where the Senate stands on the {senate.campaign.treatyShortName}</h1>
      </header>

      <section aria-labelledby="count-heading" className="space-y-2 rounded-lg border border-slate-200 bg-white p-5">
        <h2 id="count-heading" className="text-xl font-semibold">
          {arithmeticHeadline(arithmetic)}
        </h2>
        <p>{arithmeticExplained(arithmetic)}</p>
        <p>
          {publicYes} {publicYes === 1 ? 'senator has' : 'senators have'} said publicly they are in favour
          {short > 0 ? `: ${short} more needed.` : ': enough, if every one votes yes.'}
        </p>
        {senate.vacancies.length > 0 && (
          <p>
            Vacant {senate.vacancies.length === 1 ? 'seat' : 'seats'}: {senate.vacancies.map((v) => v.stateName).join(', ')}.
          </p>
        )}
      </section>

      <section aria-labelledby="chart-heading" className="space-y-3">
        <h2 id="chart-heading" className="text-xl font-semibold">
          The Senate, seat by seat
        </h2>
        <SenateSeatChart senators={senate.senators} vacant={arithmetic.vacant} summary={summary} />
        <p className="text-sm">
          <a href="#senators-table" className="text-brand-700 underline">
            Skip to the table of senators
          </a>
        </p>
      </section>

      {committee.members.length > 0 && (
        <section aria-labelledby="committee-heading" className="space-y-2 rounded-lg border border-slate-200 bg-white p-5">
          <h2 id="committee-heading" className="text-xl font-semibold">
            The Foreign Relations Committee
          </h2>
          <p>
            Before the full Senate can vote, the Committee on Foreign Relations must report the treaty. A majority of its{' '}
            {committee.members.length} members, {committee.majority}, reports it favourably; {committee.publicYes}{' '}
            {committee.publicYes === 1 ? 'has' : 'have'} said publicly they are in favour.
          </p>
          <ul className="grid gap-1 sm:grid-cols-2">
            {committee.members.map((m) => (
              <li key={m.id}>
                {m.name} ({m.party.charAt(0)}-{m.state}){m.committee.title ? `, ${m.committee.title}` : ''}: {PUBLIC_STANCE_LABELS[m.stance]}
                {m.statedOn ? ` (${formatDay(m.statedOn)})` : ''}
              </li>
            ))}
          </ul>
        </section>
      )}

      <PublicSenateTable id="senators-table" senators={senate.senators} />
    </article>
  );
}

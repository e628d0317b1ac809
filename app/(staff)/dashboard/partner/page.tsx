import type { Metadata } from 'next';
import Link from 'next/link';
import { OrganisationPicker } from '@/components/dashboard/partner/organisation-picker';
import { formatCount } from '@/components/dashboard/data-table/format';
import { Sparkline } from '@/components/dashboard/sparkline';
import { requireStaffPage } from '@/lib/auth/require-staff';
import { notFoundOnScopeError } from '@/lib/partners/page-errors';
import { env } from '@/lib/env';
import { can } from '@/lib/auth/permissions';
import { getReferralStats } from '@/lib/partners/get-referral-stats';
import { partnerChoices } from '@/lib/partners/staff-scope';

export const metadata: Metadata = { title: 'Partner' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The partner's copy-paste snippet: the iframe, and iframe-resizer's parent script to size it. */
const embedSnippet = (base: string, slug: string, ref: string) =>
  `<iframe id="ratify-${slug}" src="${base}/embed/c/${slug}?ref=${ref}" title="Sign the petition" style="width:100%;border:0" loading="lazy"></iframe>\n` +
  `<script src="https://cdn.jsdelivr.net/npm/@iframe-resizer/parent@5"></script>\n` +
  `<script>iframeResize({ license: 'GPLv3', waitForLoad: true }, '#ratify-${slug}');</script>`;

const pct = (part: number, whole: number) => (whole > 0 ? `${((part / whole) * 100).toFixed(1)} %` : '–');

/** One organisation's referrals: a partner sees its own; host staff choose a partner. */
export default async function PartnerDashboardPage({ searchParams }: Props) {
  const actor = await requireStaffPage('referrals:view');
  const q = await searchParams;
  const requested = typeof q.organisationId === 'string' ? q.organisationId : undefined;
  const { partners, organisationId } = await partnerChoices(actor, requested);
  if (actor.role !== 'partner' && !organisationId) {
    return <p className="text-muted">No partner organisations yet: add them under Organisations.</p>;
  }
  // Another organisation's id (or a malformed one) is a 404, as if it did not exist.
  const stats = await getReferralStats({ actor, input: { organisationId, days: 30 } }).catch(notFoundOnScopeError);
  const base = env().APP_URL.replace(/\/$/, '');
  const peopleHref = `/dashboard/partner/people${actor.role === 'partner' ? '' : `?organisationId=${stats.organisation.id}`}`;
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold">{stats.organisation.name}</h1>
        <p className="mt-1 text-muted">What this organisation’s ?ref={stats.organisation.slug} links brought in. Figures only; no one’s details.</p>
      </div>
      {partners.length > 0 && <OrganisationPicker partners={partners} current={stats.organisation.id} action="/dashboard/partner" />}
      <dl className="grid gap-4 sm:grid-cols-3">
        <div className="rounded-lg border border-slate-200 bg-white p-4">
          <dt className="text-sm text-muted">Referred signatures</dt>
          <dd className="text-2xl font-bold">{formatCount(stats.totals.signatures)}</dd>
          <dd className="text-sm text-muted">{pct(stats.totals.signatures, stats.campaignTotals.signatures)} of these campaigns’ signatures</dd>
          <dd>
            <Sparkline values={stats.daily.map((d) => d.signatures)} label={`Referred signatures per day, last ${stats.days} days`} />
          </dd>
        </div>
        <div className="rounded-lg border border-slate-200 bg-white p-4">
          <dt className="text-sm text-muted">Referred letters</dt>
          <dd className="text-2xl font-bold">{formatCount(stats.totals.letters)}</dd>
          <dd className="text-sm text-muted">{pct(stats.totals.letters, stats.campaignTotals.letters)} of these campaigns’ letters</dd>
          <dd>
            <Sparkline values={stats.daily.map((d) => d.letters)} label={`Referred letter submissions per day, last ${stats.days} days`} />
          </dd>
        </div>
        <div className="rounded-lg border border-slate-200 bg-white p-4">
          <dt className="text-sm text-muted">Opted in to {stats.organisation.name}</dt>
          <dd className="text-2xl font-bold">{formatCount(stats.totals.optIns)}</dd>
          {can(actor.role, 'consents:view') && (
            <dd className="text-sm">
              <Link href={peopleHref} className="text-brand-700 underline">
                See and export them
              </Link>
            </dd>
          )}
        </div>
      </dl>
      <section aria-labelledby="sources-heading" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="sources-heading" className="text-lg font-semibold">
          Sources of referred signatures
        </h2>
        {stats.sources.length === 0 ? (
          <p className="text-muted">None yet.</p>
        ) : (
          <table className="mt-2 text-sm">
            <thead>
              <tr>
                <th scope="col" className="pr-6 text-left">Source</th>
                <th scope="col" className="text-right">Signatures</th>
              </tr>
            </thead>
            <tbody>
              {stats.sources.map((s) => (
                <tr key={s.source}>
                  <td className="pr-6">{s.source}</td>
                  <td className="text-right">{formatCount(s.signatures)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section aria-labelledby="links-heading" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="links-heading" className="text-lg font-semibold">
          Share links
        </h2>
        <p className="text-sm text-muted">Every action after a visit through these links is credited to {stats.organisation.name}.</p>
        <ul className="mt-2 space-y-1 text-sm">
          {stats.campaigns.map((c) => (
            <li key={c.slug}>
              {c.title}: <code className="break-all">{`${base}/c/${c.slug}?ref=${stats.organisation.slug}`}</code>
            </li>
          ))}
        </ul>
      </section>
      <section aria-labelledby="embed-heading" className="rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="embed-heading" className="text-lg font-semibold">
          Embed the petition on {stats.organisation.name}’s website
        </h2>
        <p className="text-sm text-muted">
          Paste this where the petition should appear. Signatures are credited to {stats.organisation.name}, its opt-in box comes first, and the frame
          sizes itself to its content. Colours: add &amp;accent=1d4ed8&amp;bg=ffffff&amp;text=111827 (hex) to the address. If the frame stays
          empty on your site, ask the coalition to add your site’s address to its list of sites that may embed campaigns.
        </p>
        {stats.campaigns.map((c) => (
          <div key={c.slug} className="mt-3">
            <p className="text-sm font-medium">{c.title}</p>
            <textarea
              readOnly
              rows={4}
              aria-label={`Embed code for ${c.title}`}
              className="mt-1 w-full rounded-md border border-slate-300 p-2 font-mono text-xs"
              value={embedSnippet(base, c.slug, stats.organisation.slug)}
            />
          </div>
        ))}
      </section>
    </div>
  );
}

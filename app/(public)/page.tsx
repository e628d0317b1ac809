import Link from 'next/link';
import { listPublicCampaigns } from '@/lib/campaigns/list-public-campaigns';
import { getCoalition } from '@/lib/organisations/get-coalition';

export default async function HomePage() {
  const [coalition, campaigns] = await Promise.all([getCoalition(), listPublicCampaigns()]);
  const live = campaigns.filter((c) => c.status === 'live');
  const closed = campaigns.filter((c) => c.status === 'closed');
  return (
    <div className="space-y-10">
      <section>
        <h1 className="text-3xl font-bold tracking-tight text-ink sm:text-4xl">{coalition.name}</h1>
        {coalition.tagline && <p className="mt-3 max-w-2xl text-lg text-muted">{coalition.tagline}</p>}
      </section>

      <section aria-labelledby="live-heading">
        <h2 id="live-heading" className="text-xl font-semibold">
          Campaigns you can join
        </h2>
        {live.length === 0 ? (
          <p className="mt-3 text-muted">There are no open campaigns right now.</p>
        ) : (
          <ul className="mt-4 grid gap-4 sm:grid-cols-2">
            {live.map((c) => (
              <li key={c.slug} className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
                <p className="text-sm font-medium text-brand-700">{c.treatyShortName}</p>
                <h3 className="mt-1 text-lg font-semibold">
                  <Link href={`/c/${c.slug}`} className="hover:underline">
                    {c.title}
                  </Link>
                </h3>
                <p className="mt-2 text-sm text-muted">{c.summary}</p>
                <p className="mt-3 text-sm font-medium">
                  {c.signatureCount.toLocaleString('en-US')} {c.signatureCount === 1 ? 'signature' : 'signatures'}
                </p>
              </li>
            ))}
          </ul>
        )}
      </section>

      {closed.length > 0 && (
        <section aria-labelledby="closed-heading">
          <h2 id="closed-heading" className="text-xl font-semibold">
            Closed campaigns
          </h2>
          <ul className="mt-4 grid gap-4 sm:grid-cols-2">
            {closed.map((c) => (
              <li key={c.slug} className="rounded-lg border border-slate-200 bg-slate-50 p-5">
                <p className="text-sm font-medium text-muted">Closed · {c.treatyShortName}</p>
                <h3 className="mt-1 text-lg font-semibold">
                  <Link href={`/c/${c.slug}`} className="hover:underline">
                    {c.title}
                  </Link>
                </h3>
                {c.resultNote && <p className="mt-2 text-sm">{c.resultNote}</p>}
                <p className="mt-3 text-sm">{c.signatureCount.toLocaleString('en-US')} signatures</p>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}

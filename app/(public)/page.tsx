import { PetitionProgress } from '@/components/petition/petition-progress';
import { cachedCoalition, cachedPublicCampaignList } from '@/lib/campaigns/public-cache';

// Served from the page cache like the campaign page: it reads no request data, so it stays static;
// a staff edit (publish, close, rename, the coalition's name) expires it through the `campaigns`
// and `coalition` tags, and it re-renders in the background at most every 30 s for the counts.
// The build's own render has no database and is never served (lib/campaigns/public-cache.ts).
export const revalidate = 30;

export default async function HomePage() {
  const [coalition, campaigns] = await Promise.all([cachedCoalition(), cachedPublicCampaignList()]);
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
              <li key={c.slug} className="flex flex-col rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
                <p className="text-sm font-medium text-brand-700">{c.treatyShortName}</p>
                <h3 className="mt-1 text-lg font-semibold">
                  <a href={`/c/${c.slug}`} className="hover:underline">
                    {c.title}
                  </a>
                </h3>
                <p className="mt-2 text-sm text-muted">{c.summary}</p>
                <div className="mt-4">
                  <PetitionProgress
                    count={c.signatureCount}
                    goal={c.petitionGoal}
                    autoStep={c.goalAutoStep}
                    label={`Signatures for “${c.title}”`}
                  />
                </div>
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
                  <a href={`/c/${c.slug}`} className="hover:underline">
                    {c.title}
                  </a>
                </h3>
                {c.resultNote && (
                  <p className="mt-2 whitespace-pre-line text-sm">
                    <span className="font-semibold">Result: </span>
                    {c.resultNote}
                  </p>
                )}
                <p className="mt-3 text-sm">
                  {c.signatureCount.toLocaleString('en-US')} {c.signatureCount === 1 ? 'signature' : 'signatures'}
                </p>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}

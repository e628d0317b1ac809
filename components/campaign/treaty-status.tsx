import type { PublicCampaign } from '@/lib/campaigns/get-public-campaign';
import { STAGE_COPY, formatDay, safeHttpUrl, senateVoteContext } from './stage-copy';

/** The treaty, where it stands now (from data), and the dated, sourced history behind that. */
export function TreatyStatus({ treaty }: { treaty: PublicCampaign['treaty'] }) {
  const current = STAGE_COPY[treaty.stage];
  const vote = senateVoteContext(treaty.stage, treaty.senate);
  return (
    <section aria-labelledby="treaty-heading" className="rounded-lg border border-slate-200 bg-white p-5">
      <h2 id="treaty-heading" className="text-xl font-semibold">
        The treaty and where it stands
      </h2>
      <p className="mt-2 font-medium">{treaty.name}</p>
      {treaty.summary && <p className="mt-2 text-muted">{treaty.summary}</p>}

      <div className="mt-4 rounded-md bg-brand-50 p-4">
        <p className="text-sm font-semibold uppercase tracking-wide text-brand-800">Current stage: {current.label}</p>
        <p className="mt-1">{current.now}</p>
        {vote && <p className="mt-2 text-sm text-muted">{vote}</p>}
      </div>

      {treaty.statesPartiesCount !== null && treaty.countsAsOf && (
        <p className="mt-4 text-sm text-muted">
          As of {formatDay(treaty.countsAsOf)}, {treaty.statesPartiesCount} countries had ratified the treaty
          {treaty.signatoriesCount !== null ? ` and ${treaty.signatoriesCount} had signed it` : ''}
          {treaty.countsSource ? ` (source: ${treaty.countsSource})` : ''}.
        </p>
      )}

      {treaty.events.length > 0 && (
        <>
          <h3 className="mt-6 font-semibold">History</h3>
          <ol className="mt-3 space-y-4 border-l-2 border-slate-200 pl-4">
            {treaty.events.map((e, i) => {
              const href = safeHttpUrl(e.sourceUrl);
              return (
                <li key={`${e.stage}-${e.occurredOn}-${i}`}>
                  <p className="text-sm text-muted">
                    <time dateTime={e.occurredOn}>{formatDay(e.occurredOn)}</time>
                  </p>
                  <p className="font-medium">{STAGE_COPY[e.stage].label}</p>
                  {e.note && <p className="text-sm">{e.note}</p>}
                  {e.sourceTitle && (
                    <p className="text-sm text-muted">
                      Source:{' '}
                      {href ? (
                        <a href={href} className="text-brand-700 underline" rel="noopener noreferrer nofollow">
                          {e.sourceTitle}
                        </a>
                      ) : (
                        e.sourceTitle
                      )}
                    </p>
                  )}
                </li>
              );
            })}
          </ol>
        </>
      )}
    </section>
  );
}

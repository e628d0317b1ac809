import { STAGE_COPY, formatDay, safeHttpUrl } from '@/components/campaign/stage-copy';
import type { StaffTreatyEvent } from '@/lib/treaties/get-treaty';

/** The recorded steps, newest first, with their sources. */
export function StageHistory({ events }: { events: StaffTreatyEvent[] }) {
  if (events.length === 0) return <p className="text-muted">No steps recorded yet.</p>;
  return (
    <ol className="space-y-3 border-l-2 border-slate-200 pl-4">
      {events.map((e) => {
        const href = safeHttpUrl(e.sourceUrl);
        return (
          <li key={e.id}>
            <p className="text-sm text-muted">
              <time dateTime={e.occurredOn}>{formatDay(e.occurredOn)}</time>
            </p>
            <p className="font-medium">{STAGE_COPY[e.stage].label}</p>
            {e.note && <p className="text-sm">{e.note}</p>}
            {(e.sourceTitle || href) && (
              <p className="text-sm text-muted">
                Source:{' '}
                {href ? (
                  <a href={href} className="text-brand-700 underline" rel="noopener noreferrer nofollow">
                    {e.sourceTitle || href}
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
  );
}

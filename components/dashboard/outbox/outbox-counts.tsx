import { formatCount, formatDateTime } from '@/components/dashboard/data-table/format';
import type { OutboxSummary } from '@/lib/email/get-outbox-summary';

const labels = { queued: 'Queued', sending: 'Sending', sent: 'Sent', failed: 'Failed' } as const;

export function OutboxCounts({ summary }: { summary: OutboxSummary }) {
  return (
    <section aria-labelledby="outbox-counts-heading">
      <h2 id="outbox-counts-heading" className="mb-3 text-lg font-semibold">
        Messages by status
      </h2>
      <dl className="grid grid-cols-2 gap-4 sm:grid-cols-4">
        {(Object.keys(labels) as (keyof typeof labels)[]).map((status) => (
          <div key={status} className="rounded-md border border-slate-200 bg-white p-4">
            <dt className="text-sm text-muted">{labels[status]}</dt>
            <dd className={`text-2xl font-bold ${status === 'failed' && summary.counts.failed > 0 ? 'text-red-800' : ''}`}>
              {formatCount(summary.counts[status])}
            </dd>
          </div>
        ))}
      </dl>
      <p className="mt-3 text-sm text-muted">
        {summary.overdue > 0
          ? `${formatCount(summary.overdue)} queued message(s) are more than a minute overdue — check that the drainer is running.`
          : 'No queued message is overdue.'}
        {summary.oldestQueuedAt && ` Oldest queued: ${formatDateTime(summary.oldestQueuedAt)}.`}
      </p>
    </section>
  );
}

import type { ActionState } from '@/lib/forms/state';
import { DataTable } from '@/components/dashboard/data-table/data-table';
import { formatDateTime } from '@/components/dashboard/data-table/format';
import { InlineActionForm } from '@/components/dashboard/data-table/inline-action-form';
import { RECENT_FAILURES, type OutboxFailure } from '@/lib/email/get-outbox-summary';

export function OutboxFailuresTable({
  failures,
  retryAction,
}: {
  failures: OutboxFailure[];
  retryAction: (state: ActionState, formData: FormData) => Promise<ActionState>;
}) {
  return (
    <DataTable
      caption={`Recent failures (latest ${RECENT_FAILURES})`}
      rows={failures}
      rowKey={(f) => f.id}
      empty="No failed emails."
      columns={[
        { key: 'recipient', header: 'Recipient', rowHeader: true, cell: (f) => f.recipient, className: 'break-all' },
        { key: 'template', header: 'Email', cell: (f) => f.template },
        { key: 'error', header: 'Reason', cell: (f) => <span className="block max-w-md break-words">{f.lastError ?? 'Unknown'}</span> },
        { key: 'attempts', header: 'Attempts', cell: (f) => f.attempts, className: 'text-right' },
        { key: 'queued', header: 'Queued', cell: (f) => formatDateTime(f.createdAt), className: 'whitespace-nowrap' },
        { key: 'failed', header: 'Failed', cell: (f) => formatDateTime(f.failedAt), className: 'whitespace-nowrap' },
        {
          key: 'retry',
          header: 'Action',
          cell: (f) =>
            f.recipient === 'forgotten' ? (
              <span className="text-muted">Forgotten</span>
            ) : (
              <InlineActionForm
                action={retryAction}
                fields={{ outboxId: f.id }}
                label="Retry"
                pendingLabel="Retrying…"
                accessibleLabel={`Retry ${f.template} to ${f.recipient}`}
              />
            ),
        },
      ]}
    />
  );
}

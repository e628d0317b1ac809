import Link from 'next/link';
import type { ActionState } from '@/lib/forms/state';
import { DataTable } from '@/components/dashboard/data-table/data-table';
import { formatDateTime, humanize } from '@/components/dashboard/data-table/format';
import { InlineActionForm } from '@/components/dashboard/data-table/inline-action-form';
import type { LedgerRow } from '@/lib/letters/list-letters';
import { channelCell } from './channel-label';

export function LettersTable({
  rows,
  total,
  canRetry,
  canOpenPeople,
  retryAction,
}: {
  rows: LedgerRow[];
  total: number;
  canRetry: boolean;
  canOpenPeople: boolean;
  retryAction: (state: ActionState, formData: FormData) => Promise<ActionState>;
}) {
  return (
    <DataTable
      caption={`Letters (${total.toLocaleString('en-US')})`}
      rows={rows}
      rowKey={(r) => r.id}
      empty="No letters match these filters."
      columns={[
        { key: 'senator', header: 'Senator', rowHeader: true, cell: (r) => `${r.senatorName} (${r.senatorState})` },
        {
          key: 'writer',
          header: 'Writer',
          cell: (r) =>
            !r.supporterName ? (
              <span className="text-muted">Forgotten supporter</span>
            ) : canOpenPeople ? (
              <Link href={`/dashboard/people/${r.supporterId}`} className="text-brand-700 underline">
                {r.supporterName}
              </Link>
            ) : (
              r.supporterName
            ),
        },
        { key: 'campaign', header: 'Campaign', cell: (r) => r.campaignTitle },
        { key: 'channel', header: 'Channel', cell: channelCell },
        { key: 'status', header: 'Status', cell: (r) => humanize(r.status) },
        { key: 'written', header: 'Written', cell: (r) => formatDateTime(r.createdAt), className: 'whitespace-nowrap' },
        { key: 'confirmed', header: 'Confirmed', cell: (r) => formatDateTime(r.confirmedAt), className: 'whitespace-nowrap' },
        { key: 'sent', header: 'Sent', cell: (r) => formatDateTime(r.sentAt), className: 'whitespace-nowrap' },
        // Accepted by CWC, or reported delivered by the mail provider: the office's system has it.
        { key: 'delivered', header: 'Delivered', cell: (r) => formatDateTime(r.deliveredAt), className: 'whitespace-nowrap' },
        {
          key: 'failure',
          header: 'Failure reason',
          cell: (r) =>
            r.status === 'failed' ? (
              <div className="max-w-xs space-y-2">
                <p>{r.failureReason ?? 'Unknown'}</p>
                {canRetry && r.hasOutbox && r.supporterName && (
                  <InlineActionForm
                    action={retryAction}
                    fields={{ letterId: r.id }}
                    label="Retry"
                    pendingLabel="Retrying…"
                    accessibleLabel={`Retry letter to ${r.senatorName}`}
                  />
                )}
              </div>
            ) : r.retry ? (
              <p className="max-w-xs">
                Retrying after attempt {r.retry.attempts}: {r.retry.lastError}
              </p>
            ) : (
              '—'
            ),
        },
      ]}
    />
  );
}

import Link from 'next/link';
import { DataTable, type Column } from '@/components/dashboard/data-table/data-table';
import { formatDate } from '@/components/dashboard/data-table/format';
import { InlineActionForm } from '@/components/dashboard/data-table/inline-action-form';
import type { ActionState } from '@/lib/forms/state';
import type { SignerRow } from '@/lib/people/list-signers';
import { SIGNER_SORTS, signerFiltersToParams, type SignerFilters } from '@/lib/people/signer-filters';

type Sort = (typeof SIGNER_SORTS)[number];

export function personName(row: { firstName: string; lastName: string; forgotten: boolean }) {
  if (row.forgotten) return 'Forgotten supporter';
  return `${row.firstName} ${row.lastName}`.trim() || 'Unnamed supporter';
}

function SortHeader({ label, sort, filters }: { label: string; sort: Sort; filters: SignerFilters }) {
  const active = filters.sort === sort;
  const nextDir = active && filters.dir === 'asc' ? 'desc' : 'asc';
  const href = `/dashboard/people?${signerFiltersToParams(filters, { sort, dir: nextDir, page: 1 })}`;
  return (
    <Link href={href} className="text-brand-700 underline">
      {label}
      <span className="sr-only">, sort {nextDir === 'asc' ? 'ascending' : 'descending'}</span>
      {active && <span aria-hidden="true">{filters.dir === 'asc' ? ' ▲' : ' ▼'}</span>}
    </Link>
  );
}

const ariaSort = (filters: SignerFilters, sort: Sort) =>
  filters.sort === sort ? (filters.dir === 'asc' ? 'ascending' : 'descending') : undefined;

export function SignersTable({
  rows,
  filters,
  total,
  canModerate,
  moderateAction,
  returnTo,
}: {
  /** The current view, so a moderation lands back on it. */
  returnTo: string;
  rows: SignerRow[];
  filters: SignerFilters;
  total: number;
  canModerate: boolean;
  moderateAction: (state: ActionState, formData: FormData) => Promise<ActionState>;
}) {
  const columns: Column<SignerRow>[] = [
    {
      key: 'name',
      header: <SortHeader label="Name" sort="last_name" filters={filters} />,
      sort: ariaSort(filters, 'last_name'),
      rowHeader: true,
      cell: (r) => (
        <Link href={`/dashboard/people/${r.supporterId}`} className="text-brand-700 underline">
          {personName(r)}
        </Link>
      ),
    },
    { key: 'email', header: 'Email', cell: (r) => r.email ?? '—', className: 'break-all' },
    { key: 'campaign', header: 'Campaign', cell: (r) => r.campaignTitle },
    { key: 'state', header: <SortHeader label="State" sort="state" filters={filters} />, sort: ariaSort(filters, 'state'), cell: (r) => r.state ?? '—' },
    { key: 'source', header: 'Source', cell: (r) => r.source ?? '—' },
    { key: 'verified', header: 'Verified', cell: (r) => (r.verified ? 'Yes' : 'No') },
    { key: 'optedIn', header: 'Opted in', cell: (r) => (r.optedIn ? 'Yes' : 'No') },
    {
      key: 'signedAt',
      header: <SortHeader label="Signed" sort="signed_at" filters={filters} />,
      sort: ariaSort(filters, 'signed_at'),
      cell: (r) => <time dateTime={r.signedAt.toISOString()}>{formatDate(r.signedAt)}</time>,
      className: 'whitespace-nowrap',
    },
    {
      key: 'comment',
      header: 'Comment',
      cell: (r) =>
        r.comment ? (
          <div className="max-w-xs space-y-2">
            <p className="whitespace-pre-line">{r.comment}</p>
            <p className="text-xs text-muted">Status: {r.commentStatus}</p>
            {canModerate && r.commentStatus !== 'approved' && (
              <InlineActionForm
                action={moderateAction}
                fields={{ signatureId: r.signatureId, decision: 'approve', returnTo }}
                label="Approve"
                accessibleLabel={`Approve comment by ${personName(r)}`}
              />
            )}
            {canModerate && r.commentStatus !== 'hidden' && (
              <InlineActionForm
                action={moderateAction}
                fields={{ signatureId: r.signatureId, decision: 'hide', returnTo }}
                label="Hide"
                accessibleLabel={`Hide comment by ${personName(r)}`}
                tone="danger"
              />
            )}
          </div>
        ) : (
          '—'
        ),
    },
  ];
  return (
    <DataTable
      caption={`Signers (${total.toLocaleString('en-US')})`}
      columns={columns}
      rows={rows}
      rowKey={(r) => r.signatureId}
      empty="No signers match these filters."
    />
  );
}

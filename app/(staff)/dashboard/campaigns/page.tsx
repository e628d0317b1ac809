import type { Metadata } from 'next';
import Link from 'next/link';
import { StatusBadge } from '@/components/dashboard/campaigns/status-badge';
import { DataTable, type Column } from '@/components/dashboard/data-table/data-table';
import { formatCount, formatDateTime } from '@/components/dashboard/data-table/format';
import { can } from '@/lib/auth/permissions';
import { requireStaffPage } from '@/lib/auth/require-staff';
import { listStaffCampaigns, type StaffCampaignRow } from '@/lib/campaigns/list-staff-campaigns';

export const metadata: Metadata = { title: 'Campaigns' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const linkButton =
  'inline-flex min-h-11 items-center justify-center rounded-md border px-4 py-2 text-sm font-semibold no-underline';

export default async function CampaignsPage({ searchParams }: Props) {
  const actor = await requireStaffPage('campaigns:view');
  const archived = (await searchParams).archived === '1';
  const rows = await listStaffCampaigns({ actor, input: { archived } });
  const mayEdit = can(actor.role, 'campaigns:edit');

  const columns: Column<StaffCampaignRow>[] = [
    {
      key: 'title',
      header: 'Campaign',
      rowHeader: true,
      cell: (c) => (
        <span className="flex flex-col">
          <Link href={mayEdit ? `/dashboard/campaigns/${c.id}` : `/dashboard/campaigns/${c.id}/preview`} className="text-brand-700 underline">
            {c.title}
          </Link>
          <span className="font-normal text-muted">/c/{c.slug}</span>
        </span>
      ),
    },
    { key: 'status', header: 'Status', cell: (c) => <StatusBadge status={c.status} archived={c.archived} /> },
    { key: 'treaty', header: 'Treaty', cell: (c) => c.treatyShortName },
    { key: 'signatures', header: 'Signatures', cell: (c) => formatCount(c.signatures), className: 'text-right tabular-nums' },
    { key: 'letters', header: 'Letters', cell: (c) => formatCount(c.letters), className: 'text-right tabular-nums' },
    { key: 'updated', header: 'Last change', sort: 'descending', cell: (c) => formatDateTime(c.updatedAt), className: 'whitespace-nowrap' },
    {
      key: 'view',
      header: 'View',
      cell: (c) => (
        <span className="flex flex-col gap-1">
          <Link href={`/dashboard/campaigns/${c.id}/preview`} className="text-brand-700 underline" aria-label={`Preview ${c.title}`}>
            Preview
          </Link>
          {c.status !== 'draft' && (
            <a href={`/c/${c.slug}`} className="text-brand-700 underline" aria-label={`Public page of ${c.title}`}>
              Public page
            </a>
          )}
        </span>
      ),
    },
  ];

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-bold">{archived ? 'Archived campaigns' : 'Campaigns'}</h1>
          <p className="mt-1 text-muted">
            Drafts are visible to staff only. Signatures count every signer; letters count those their writers confirmed.
          </p>
        </div>
        <div className="flex flex-wrap gap-3">
          {mayEdit && (
            <Link href="/dashboard/campaigns/new" className={`${linkButton} border-brand-700 bg-brand-700 text-white hover:bg-brand-800`}>
              New campaign
            </Link>
          )}
          <Link href="/dashboard/treaties" className={`${linkButton} border-slate-500 bg-white text-ink hover:bg-slate-50`}>
            Treaties
          </Link>
        </div>
      </div>
      <p>
        <Link href={archived ? '/dashboard/campaigns' : '/dashboard/campaigns?archived=1'} className="text-brand-700 underline">
          {archived ? 'Show current campaigns' : 'Show archived campaigns'}
        </Link>
      </p>
      <DataTable
        caption={`${archived ? 'Archived campaigns' : 'Current campaigns'} (${rows.length})`}
        columns={columns}
        rows={rows}
        rowKey={(c) => c.id}
        empty={archived ? 'No archived campaigns.' : 'No campaigns yet.'}
      />
    </div>
  );
}

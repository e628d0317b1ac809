import type { Metadata } from 'next';
import Link from 'next/link';
import { STAGE_COPY } from '@/components/campaign/stage-copy';
import { DataTable, type Column } from '@/components/dashboard/data-table/data-table';
import { can } from '@/lib/auth/permissions';
import { requireStaffPage } from '@/lib/auth/require-staff';
import { listTreaties, type TreatyListItem } from '@/lib/treaties/list-treaties';

export const metadata: Metadata = { title: 'Treaties' };

export default async function TreatiesPage() {
  const actor = await requireStaffPage('campaigns:view');
  const treaties = await listTreaties({ actor });
  const columns: Column<TreatyListItem>[] = [
    {
      key: 'name',
      header: 'Treaty',
      rowHeader: true,
      cell: (t) => (
        <span className="flex flex-col">
          <Link href={`/dashboard/treaties/${t.id}`} className="text-brand-700 underline">
            {t.shortName}
          </Link>
          <span className="font-normal text-muted">{t.name}</span>
        </span>
      ),
    },
    { key: 'stage', header: 'Current stage', cell: (t) => STAGE_COPY[t.stage].label },
    { key: 'campaigns', header: 'Campaigns', cell: (t) => t.campaigns, className: 'text-right tabular-nums' },
  ];
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div>
        <h1 className="text-2xl font-bold">Treaties</h1>
        <p className="mt-1 text-muted">
          The facts and the Senate path each campaign page shows. Record a new step (such as the Senate’s consent) on the treaty’s page.
        </p>
        </div>
        {can(actor.role, 'campaigns:edit') && (
          <Link href="/dashboard/treaties/new" className="rounded-md bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">
            Add a treaty
          </Link>
        )}
      </div>
      <DataTable caption={`Treaties (${treaties.length})`} columns={columns} rows={treaties} rowKey={(t) => t.id} empty="No treaties yet." />
    </div>
  );
}

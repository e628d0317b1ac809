import type { Metadata } from 'next';
import { ExportForm } from '@/components/dashboard/exports/export-form';
import { RecentExports } from '@/components/dashboard/exports/recent-exports';
import { requireStaffPage } from '@/lib/auth/require-staff';
import { listSignerFilterOptions } from '@/lib/people/list-signer-filter-options';
import { listRecentExports } from '@/lib/exports/list-recent-exports';
import { parseSignerFilters } from '@/lib/people/signer-filters';

export const metadata: Metadata = { title: 'Exports' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** Pre-filled from the query string, so the people table can link here with its current filters. */
export default async function ExportsPage({ searchParams }: Props) {
  const actor = await requireStaffPage('exports:run');
  const params = await searchParams;
  const { filters } = parseSignerFilters(params);
  const preset = params.preset === 'delivery' ? 'delivery' : 'crm';
  const [options, recent] = await Promise.all([listSignerFilterOptions({ actor, for: 'exports' }), listRecentExports({ actor })]);

  return (
    <div>
      <h1 className="mb-2 text-2xl font-bold">Exports</h1>
      <p className="mb-6 max-w-3xl text-muted">
        Download signers as a spreadsheet: the CRM preset for your mailing tools, or the delivery preset (names, city and
        state, no email addresses) to hand to a Senate office.
      </p>
      <ExportForm options={options} filters={filters} preset={preset} />
      <RecentExports exports={recent} />
    </div>
  );
}

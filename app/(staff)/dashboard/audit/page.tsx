import type { Metadata } from 'next';
import { AuditFiltersForm } from '@/components/dashboard/audit/audit-filters-form';
import { AuditTable } from '@/components/dashboard/audit/audit-table';
import { InvalidFiltersNotice } from '@/components/dashboard/data-table/filter-controls';
import { Pagination } from '@/components/dashboard/data-table/pagination';
import { listAudit, parseAuditFilters } from '@/lib/audit/list-audit';
import { requireStaffPage } from '@/lib/auth/require-staff';
import { listPageHref } from '@/lib/forms/query-params';

export const metadata: Metadata = { title: 'Audit log' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** Read-only: the table is append-only in the database, and this page offers no actions. */
export default async function AuditPage({ searchParams }: Props) {
  const actor = await requireStaffPage('audit:view');
  const { filters, invalid } = parseAuditFilters(await searchParams);
  const result = await listAudit({ actor, input: filters });
  return (
    <div>
      <h1 className="mb-6 text-2xl font-bold">Audit log</h1>
      <InvalidFiltersNotice invalid={invalid} />
      <AuditFiltersForm filters={result.filters} actions={result.actions} />
      <AuditTable rows={result.rows} total={result.total} />
      <Pagination
        label="Audit log pages"
        noun="entries"
        page={result.page}
        pageCount={result.pageCount}
        total={result.total}
        pageSize={result.pageSize}
        hrefFor={(page) => listPageHref('/dashboard/audit', result.filters, page, 50)}
      />
    </div>
  );
}

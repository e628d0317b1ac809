import { FilterActions, FilterInput } from '@/components/dashboard/data-table/filter-controls';
import type { AuditFilters } from '@/lib/audit/list-audit';

export function AuditFiltersForm({ filters, actions }: { filters: AuditFilters; actions: string[] }) {
  return (
    <form method="get" action="/dashboard/audit" role="search" aria-label="Filter the audit log" className="mb-6 rounded-md border border-slate-200 bg-white p-4">
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <FilterInput id="audit-actor" label="Actor" name="actor" type="search" value={filters.actor} hint="Part of an email, or a user id." />
        <FilterInput
          id="audit-action"
          label="Action"
          name="action"
          value={filters.action}
          list="audit-action-list"
          hint="An action or its start, e.g. person. or staff.invite"
        />
        <FilterInput id="audit-from" label="From" name="from" type="date" value={filters.from} hint="Dates are in UTC." />
        <FilterInput id="audit-to" label="Until" name="to" type="date" value={filters.to} hint="Inclusive." />
      </div>
      <datalist id="audit-action-list">
        {actions.map((a) => (
          <option key={a} value={a} />
        ))}
      </datalist>
      <div className="mt-4">
        <FilterActions resetHref="/dashboard/audit" />
      </div>
    </form>
  );
}

import { FilterActions, FilterInput, FilterSelect } from '@/components/dashboard/data-table/filter-controls';
import type { SignerFilterOptions } from '@/lib/people/list-signer-filter-options';
import type { SignerFilters } from '@/lib/people/signer-filters';

const yesNo = [
  { value: 'yes', label: 'Yes' },
  { value: 'no', label: 'No' },
];

/** A GET form: every filter lands in the URL, so views work without JS and can be shared. */
export function SignerFiltersForm({ filters, options }: { filters: SignerFilters; options: SignerFilterOptions }) {
  return (
    <form method="get" action="/dashboard/people" role="search" aria-label="Filter signers" className="mb-6 rounded-md border border-slate-200 bg-white p-4">
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <FilterInput id="people-q" label="Search name or email" name="q" type="search" value={filters.q} />
        <FilterSelect
          id="people-campaign"
          label="Campaign"
          name="campaignId"
          value={filters.campaignId}
          anyLabel="All campaigns"
          options={options.campaigns.map((c) => ({ value: c.id, label: c.title }))}
        />
        <FilterSelect
          id="people-state"
          label="State"
          name="state"
          value={filters.state}
          anyLabel="All states"
          options={options.states.map((s) => ({ value: s.code, label: `${s.name} (${s.code})` }))}
        />
        <FilterSelect
          id="people-source"
          label="Source"
          name="source"
          value={filters.source}
          anyLabel="Any source"
          options={options.sources.map((s) => ({ value: s, label: s }))}
        />
        <FilterSelect id="people-verified" label="Email verified" name="verified" value={filters.verified} options={yesNo} />
        <FilterSelect id="people-opted-in" label="Opted in to updates" name="optedIn" value={filters.optedIn} options={yesNo} />
        <FilterSelect
          id="people-comment"
          label="Comment"
          name="comment"
          value={filters.comment}
          anyLabel="Any"
          options={[
            { value: 'pending', label: 'Awaiting moderation' },
            { value: 'approved', label: 'Approved' },
            { value: 'hidden', label: 'Hidden' },
            { value: 'none', label: 'No comment' },
          ]}
        />
        <FilterSelect
          id="people-page-size"
          label="Rows per page"
          name="pageSize"
          value={String(filters.pageSize)}
          anyLabel="25"
          options={['50', '100'].map((n) => ({ value: n, label: n }))}
        />
        <FilterInput id="people-from" label="Signed from" name="from" type="date" value={filters.from} hint="Dates are in UTC." />
        <FilterInput id="people-to" label="Signed until" name="to" type="date" value={filters.to} hint="Inclusive." />
        <FilterSelect
          id="people-sort"
          label="Sort by"
          name="sort"
          value={filters.sort === 'signed_at' ? undefined : filters.sort}
          anyLabel="Date signed"
          options={[
            { value: 'last_name', label: 'Last name' },
            { value: 'state', label: 'State' },
          ]}
        />
        <FilterSelect
          id="people-dir"
          label="Order"
          name="dir"
          value={filters.dir === 'desc' ? undefined : filters.dir}
          anyLabel="Descending"
          options={[{ value: 'asc', label: 'Ascending' }]}
        />
      </div>
      <div className="mt-4">
        <FilterActions resetHref="/dashboard/people" />
      </div>
    </form>
  );
}

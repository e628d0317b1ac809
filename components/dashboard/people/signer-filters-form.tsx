import { FilterActions, FilterSelect } from '@/components/dashboard/data-table/filter-controls';
import { SignerFilterFields } from './signer-filter-fields';
import type { SignerFilterOptions } from '@/lib/people/list-signer-filter-options';
import type { SignerFilters } from '@/lib/people/signer-filters';

/** A GET form: every filter lands in the URL, so views work without JS and can be shared. */
export function SignerFiltersForm({ filters, options }: { filters: SignerFilters; options: SignerFilterOptions }) {
  return (
    <form method="get" action="/dashboard/people" role="search" aria-label="Filter signers" className="mb-6 rounded-md border border-slate-200 bg-white p-4">
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
        <FilterSelect
          id="people-campaign"
          label="Campaign"
          name="campaignId"
          value={filters.campaignId}
          anyLabel="All campaigns"
          options={options.campaigns.map((c) => ({ value: c.id, label: c.title }))}
        />
        <SignerFilterFields idPrefix="people" filters={filters} options={options} />
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

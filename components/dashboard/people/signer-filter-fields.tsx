import { FilterInput, FilterSelect } from '@/components/dashboard/data-table/filter-controls';
import type { SignerFilterOptions } from '@/lib/people/list-signer-filter-options';
import type { SignerFilters } from '@/lib/people/signer-filters';

const yesNo = [
  { value: 'yes', label: 'Yes' },
  { value: 'no', label: 'No' },
];

/**
 * The filters the people table and the exports share (same names, same meaning, so a people view's
 * URL parameters export exactly the people shown). `idPrefix` keeps ids unique per form.
 */
export function SignerFilterFields({
  idPrefix,
  filters,
  options,
  searchLabel = 'Search name or email',
}: {
  idPrefix: string;
  filters: Partial<SignerFilters>;
  options: Pick<SignerFilterOptions, 'states' | 'sources'>;
  searchLabel?: string;
}) {
  return (
    <>
      <FilterInput id={`${idPrefix}-q`} label={searchLabel} name="q" type="search" value={filters.q} />
      <FilterSelect
        id={`${idPrefix}-state`}
        label="State"
        name="state"
        value={filters.state}
        anyLabel="All states"
        options={options.states.map((s) => ({ value: s.code, label: `${s.name} (${s.code})` }))}
      />
      <FilterSelect
        id={`${idPrefix}-source`}
        label="Source"
        name="source"
        value={filters.source}
        anyLabel="Any source"
        options={options.sources.map((s) => ({ value: s, label: s }))}
      />
      <FilterSelect id={`${idPrefix}-verified`} label="Email verified" name="verified" value={filters.verified} options={yesNo} />
      <FilterSelect id={`${idPrefix}-opted-in`} label="Opted in to updates" name="optedIn" value={filters.optedIn} options={yesNo} />
      <FilterInput id={`${idPrefix}-from`} label="Signed from" name="from" type="date" value={filters.from} hint="Dates are in UTC." />
      <FilterInput id={`${idPrefix}-to`} label="Signed until" name="to" type="date" value={filters.to} hint="Inclusive." />
    </>
  );
}

import { FilterActions, FilterSelect } from '@/components/dashboard/data-table/filter-controls';
import { humanize } from '@/components/dashboard/data-table/format';
import { LETTER_CHANNELS, LETTER_STATUSES, type LedgerFilters } from '@/lib/letters/ledger-filters';
import type { LedgerOptions } from '@/lib/letters/list-ledger-options';
import { US_STATES } from '@/lib/geo/us-states';
import { CHANNEL_LABELS } from './channel-label';

export function LedgerFiltersForm({ filters, options }: { filters: LedgerFilters; options: LedgerOptions }) {
  return (
    <form method="get" action="/dashboard/letters" role="search" aria-label="Filter letters" className="mb-6 rounded-md border border-slate-200 bg-white p-4">
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        <FilterSelect
          id="letters-campaign"
          label="Campaign"
          name="campaignId"
          value={filters.campaignId}
          anyLabel="All campaigns"
          options={options.campaigns.map((c) => ({ value: c.id, label: c.title }))}
        />
        <FilterSelect
          id="letters-status"
          label="Status"
          name="status"
          value={filters.status}
          anyLabel="Any status"
          options={LETTER_STATUSES.map((s) => ({ value: s, label: humanize(s) }))}
        />
        <FilterSelect
          id="letters-channel"
          label="Channel"
          name="channel"
          value={filters.channel}
          anyLabel="Any channel"
          options={LETTER_CHANNELS.map((c) => ({ value: c, label: CHANNEL_LABELS[c] }))}
        />
        <FilterSelect
          id="letters-senator"
          label="Senator"
          name="senatorId"
          value={filters.senatorId}
          anyLabel="All senators"
          options={options.senators.map((s) => ({ value: s.id, label: `${s.name} (${s.state})` }))}
        />
        <FilterSelect
          id="letters-state"
          label="Senator’s state"
          name="state"
          value={filters.state}
          anyLabel="All states"
          options={US_STATES.filter((s) => s.votingSenators).map((s) => ({ value: s.code, label: `${s.name} (${s.code})` }))}
        />
        <FilterActions resetHref="/dashboard/letters" />
      </div>
    </form>
  );
}

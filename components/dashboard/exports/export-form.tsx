import { FilterSelect } from '@/components/dashboard/data-table/filter-controls';
import { SignerFilterFields } from '@/components/dashboard/people/signer-filter-fields';
import type { SignerFilterOptions } from '@/lib/people/list-signer-filter-options';
import { EXPORT_PRESETS, PRESET_LABELS, type ExportPreset } from '@/lib/exports/schemas';
import type { SignerFilters } from '@/lib/people/signer-filters';

/**
 * A plain GET form straight to the export route: the browser downloads the file, so it works
 * without JavaScript, and the filters are the people table's (same names, same meaning).
 */
export function ExportForm({
  options,
  filters,
  preset = 'crm',
}: {
  options: SignerFilterOptions;
  filters: Partial<SignerFilters>;
  preset?: ExportPreset;
}) {
  return (
    <form method="get" action="/api/exports/signers" aria-labelledby="export-form-title" className="rounded-md border border-slate-200 bg-white p-4">
      <h2 id="export-form-title" className="mb-4 text-lg font-semibold">
        New export
      </h2>
      <div className="grid gap-4 sm:grid-cols-2">
        <FilterSelect
          id="export-campaign"
          label="Campaign"
          name="campaignId"
          value={filters.campaignId}
          anyLabel="All campaigns"
          options={options.campaigns.map((c) => ({ value: c.id, label: c.title }))}
        />
        <fieldset>
          <legend className="block text-sm font-medium">Columns</legend>
          <div className="mt-1 space-y-2">
            {EXPORT_PRESETS.map((p) => (
              <label key={p} className="flex items-start gap-2 text-sm">
                <input type="radio" name="preset" value={p} defaultChecked={p === preset} required className="mt-1 h-4 w-4" />
                <span>{PRESET_LABELS[p]}</span>
              </label>
            ))}
          </div>
        </fieldset>
      </div>

      <fieldset className="mt-6">
        <legend className="text-base font-semibold">Which signers</legend>
        <p className="mb-3 text-sm text-muted">The same filters as the people table. Leave a filter empty to include everyone.</p>
        <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
          <SignerFilterFields idPrefix="export" filters={filters} options={options} searchLabel="Name or email contains" />
        </div>
      </fieldset>

      <div className="mt-6 flex flex-wrap items-center gap-4">
        <button type="submit" className="min-h-11 rounded-md bg-brand-700 px-5 text-sm font-semibold text-white hover:bg-brand-800">
          Download CSV
        </button>
        <p className="text-sm text-muted">
          UTF-8 with a byte order mark, so Excel reads accented names correctly. Cells that a spreadsheet would run as a
          formula start with an apostrophe. Each download is recorded in the audit log.
        </p>
      </div>
    </form>
  );
}

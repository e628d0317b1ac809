import { US_STATES } from '@/lib/geo/us-states';
import { PARTY_FILTERS, type WhipCount } from '@/lib/senators/get-whip-count';
import { STANCE_LABELS } from '@/lib/senators/stance-labels';

const control = 'mt-1 block min-h-11 w-full rounded-md border border-slate-500 bg-white px-2';

/** A plain GET form: the filters live in the URL, so a filtered view can be shared or bookmarked. */
export function WhipFiltersForm({ whip, treaties }: { whip: WhipCount; treaties: { id: string; shortName: string }[] }) {
  const f = whip.filters;
  return (
    <form method="get" action="/dashboard/senators" className="grid items-end gap-4 rounded-lg border border-slate-200 bg-white p-4 sm:grid-cols-2 lg:grid-cols-4">
      <div>
        <label htmlFor="filter-treaty" className="block text-sm font-medium">
          Treaty
        </label>
        <select id="filter-treaty" name="treaty" defaultValue={whip.treaty?.id ?? ''} className={control}>
          {treaties.map((t) => (
            <option key={t.id} value={t.id}>
              {t.shortName}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="filter-state" className="block text-sm font-medium">
          State
        </label>
        <select id="filter-state" name="state" defaultValue={f.state ?? ''} className={control}>
          <option value="">All states</option>
          {US_STATES.filter((s) => s.votingSenators).map((s) => (
            <option key={s.code} value={s.code}>
              {s.name}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="filter-stance" className="block text-sm font-medium">
          Stance
        </label>
        <select id="filter-stance" name="stance" defaultValue={f.stance ?? ''} className={control}>
          <option value="">All stances</option>
          {Object.entries(STANCE_LABELS).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor="filter-party" className="block text-sm font-medium">
          Party
        </label>
        <select id="filter-party" name="party" defaultValue={f.party ?? ''} className={control}>
          <option value="">All parties</option>
          {PARTY_FILTERS.map((p) => (
            <option key={p} value={p}>
              {p}
            </option>
          ))}
        </select>
      </div>
      <div className="flex min-h-11 items-center gap-2">
        <input id="filter-absent" type="checkbox" name="absent" value="1" defaultChecked={f.absent} className="h-5 w-5 accent-brand-700" />
        <label htmlFor="filter-absent" className="text-sm font-medium">
          Expected absent only
        </label>
      </div>
      <div className="flex min-h-11 items-center gap-2">
        <input id="filter-ssfr" type="checkbox" name="ssfr" value="1" defaultChecked={f.ssfr} className="h-5 w-5 accent-brand-700" />
        <label htmlFor="filter-ssfr" className="text-sm font-medium">
          Foreign Relations only
        </label>
      </div>
      <button type="submit" className="min-h-11 rounded-md border border-brand-700 bg-brand-700 px-4 text-sm font-semibold text-white hover:bg-brand-800">
        Apply filters
      </button>
    </form>
  );
}

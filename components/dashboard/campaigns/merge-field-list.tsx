import { MERGE_FIELDS, type MergeField } from '@/lib/letters/merge-template';

const descriptions: Record<MergeField, string> = {
  senator_title: '“Senator”',
  senator_name: 'the senator’s full name',
  senator_last_name: 'the senator’s surname',
  senator_state: 'the senator’s state, spelled out',
  supporter_name: 'the writer’s full name',
  supporter_city: 'the writer’s city',
  supporter_state: 'the writer’s state (two letters)',
  supporter_city_state: 'city and state, e.g. “Springfield, IL”',
  treaty_name: 'the treaty’s full name',
  treaty_short_name: 'the treaty’s short name',
};

/** The merge fields a letter template may use, and what each becomes. */
export function MergeFieldList({ id }: { id?: string }) {
  return (
    <div id={id} className="rounded-md border border-slate-200 bg-slate-50 p-3 text-sm">
      <p className="font-medium">Merge fields</p>
      <p className="text-muted">Type them with double braces; each letter fills them in. Any other name is refused on save.</p>
      <dl className="mt-2 grid gap-x-3 gap-y-1 sm:grid-cols-[max-content_1fr]">
        {MERGE_FIELDS.map((f) => (
          <div key={f} className="contents">
            <dt>
              <code className="rounded bg-white px-1">{`{{${f}}}`}</code>
            </dt>
            <dd className="text-muted">{descriptions[f]}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}

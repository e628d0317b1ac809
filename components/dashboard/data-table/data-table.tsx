import { useId, type ReactNode } from 'react';

export type Column<T> = {
  key: string;
  header: ReactNode;
  cell: (row: T) => ReactNode;
  /** The cell that names the row is a `<th scope="row">`. */
  rowHeader?: boolean;
  /** `aria-sort` on the column header when the table is sorted by it. */
  sort?: 'ascending' | 'descending';
  className?: string;
};

/**
 * A plain accessible table: a caption, column headers with scope, a row header, and a scroll
 * container that keyboard users can focus (WCAG 2.1.1) and screen readers can name.
 */
export function DataTable<T>({
  caption,
  captionHidden = false,
  columns,
  rows,
  rowKey,
  empty,
}: {
  caption: ReactNode;
  captionHidden?: boolean;
  columns: Column<T>[];
  rows: T[];
  rowKey: (row: T) => string;
  empty?: ReactNode;
}) {
  const captionId = useId();
  return (
    <div
      role="region"
      aria-labelledby={captionId}
      tabIndex={0}
      className="overflow-x-auto rounded-md border border-slate-200 bg-white"
    >
      <table className="w-full border-collapse text-left text-sm">
        <caption id={captionId} className={captionHidden ? 'sr-only' : 'px-3 py-2 text-left font-semibold text-ink'}>
          {caption}
        </caption>
        <thead className="bg-slate-50">
          <tr>
            {columns.map((c) => (
              <th key={c.key} scope="col" aria-sort={c.sort} className="whitespace-nowrap border-b border-slate-200 px-3 py-2 font-semibold">
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 ? (
            <tr>
              <td colSpan={columns.length} className="px-3 py-6 text-center text-muted">
                {empty ?? 'Nothing to show.'}
              </td>
            </tr>
          ) : (
            rows.map((row) => (
              <tr key={rowKey(row)} className="border-b border-slate-100 align-top last:border-0">
                {columns.map((c) =>
                  c.rowHeader ? (
                    <th key={c.key} scope="row" className={`px-3 py-2 font-medium ${c.className ?? ''}`}>
                      {c.cell(row)}
                    </th>
                  ) : (
                    <td key={c.key} className={`px-3 py-2 ${c.className ?? ''}`}>
                      {c.cell(row)}
                    </td>
                  ),
                )}
              </tr>
            ))
          )}
        </tbody>
      </table>
    </div>
  );
}

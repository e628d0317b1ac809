import Link from 'next/link';

/**
 * Previous/next links that keep the current query string (so filters survive), plus the count.
 * `hrefFor(page)` builds each link; plain links work without JavaScript.
 */
export function Pagination({
  page,
  pageCount,
  total,
  pageSize,
  hrefFor,
  label = 'Pagination',
  noun = 'results',
}: {
  page: number;
  pageCount: number;
  total: number;
  pageSize: number;
  hrefFor: (page: number) => string;
  label?: string;
  noun?: string;
}) {
  const first = total === 0 ? 0 : (page - 1) * pageSize + 1;
  const last = Math.min(total, page * pageSize);
  const linkClass = 'inline-flex min-h-11 items-center rounded-md border border-slate-300 bg-white px-3 font-medium text-brand-700 hover:bg-brand-50';
  const disabledClass = 'inline-flex min-h-11 items-center rounded-md border border-slate-200 px-3 text-slate-600';
  return (
    <nav aria-label={label} className="mt-4 flex flex-wrap items-center justify-between gap-3 text-sm">
      <p aria-live="polite">
        {total === 0 ? `No ${noun}` : `Showing ${first}–${last} of ${total.toLocaleString('en-US')} ${noun}`}
        {pageCount > 1 && ` · page ${page} of ${pageCount}`}
      </p>
      <ul className="flex gap-2">
        <li>
          {page > 1 ? (
            <Link className={linkClass} href={hrefFor(page - 1)} rel="prev">
              Previous<span className="sr-only"> page</span>
            </Link>
          ) : (
            <span className={disabledClass} aria-disabled="true">
              Previous<span className="sr-only"> page</span>
            </span>
          )}
        </li>
        <li>
          {page < pageCount ? (
            <Link className={linkClass} href={hrefFor(page + 1)} rel="next">
              Next<span className="sr-only"> page</span>
            </Link>
          ) : (
            <span className={disabledClass} aria-disabled="true">
              Next<span className="sr-only"> page</span>
            </span>
          )}
        </li>
      </ul>
    </nav>
  );
}

import type { Metadata } from 'next';
import Link from 'next/link';
import { InvalidFiltersNotice } from '@/components/dashboard/data-table/filter-controls';
import { Pagination } from '@/components/dashboard/data-table/pagination';
import { LedgerFiltersForm } from '@/components/dashboard/letters/ledger-filters-form';
import { LettersTable } from '@/components/dashboard/letters/letters-table';
import { can } from '@/lib/auth/permissions';
import { requireStaffPage } from '@/lib/auth/require-staff';
import { listPageHref } from '@/lib/forms/query-params';
import { parseLedgerFilters } from '@/lib/letters/ledger-filters';
import { listLedgerOptions } from '@/lib/letters/list-ledger-options';
import { listLetters } from '@/lib/letters/list-letters';
import { retryLetterAction } from './actions';

export const metadata: Metadata = { title: 'Letters' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function LettersPage({ searchParams }: Props) {
  const actor = await requireStaffPage('letters:view');
  const { filters, invalid } = parseLedgerFilters(await searchParams);
  const [result, options] = await Promise.all([listLetters({ actor, input: filters }), listLedgerOptions({ actor })]);
  const talliesCampaign = filters.campaignId ?? options.campaigns.find((c) => c.status === 'live')?.id ?? options.campaigns[0]?.id;

  return (
    <div>
      <div className="mb-6 flex flex-wrap items-baseline justify-between gap-3">
        <h1 className="text-2xl font-bold">Letters</h1>
        {talliesCampaign && (
          <Link href={`/dashboard/letters/senators?campaign=${talliesCampaign}`} className="font-medium text-brand-700 underline">
            Tallies and delivery packets per senator
          </Link>
        )}
      </div>
      <InvalidFiltersNotice invalid={invalid} />
      <LedgerFiltersForm filters={result.filters} options={options} />
      <LettersTable
        rows={result.rows}
        total={result.total}
        canRetry={can(actor.role, 'letters:retry')}
        canOpenPeople={can(actor.role, 'people:view')}
        retryAction={retryLetterAction}
      />
      <Pagination
        label="Letter pages"
        noun="letters"
        page={result.page}
        pageCount={result.pageCount}
        total={result.total}
        pageSize={result.pageSize}
        hrefFor={(page) => listPageHref('/dashboard/letters', result.filters, page, 25)}
      />
    </div>
  );
}

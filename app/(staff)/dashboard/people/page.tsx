import type { Metadata } from 'next';
import Link from 'next/link';
import { InvalidFiltersNotice } from '@/components/dashboard/data-table/filter-controls';
import { Pagination } from '@/components/dashboard/data-table/pagination';
import { ModerationNotice } from '@/components/dashboard/people/moderation-notice';
import { SignerFiltersForm } from '@/components/dashboard/people/signer-filters-form';
import { SignersTable } from '@/components/dashboard/people/signers-table';
import { can } from '@/lib/auth/permissions';
import { requireStaffPage } from '@/lib/auth/require-staff';
import { listSignerFilterOptions } from '@/lib/people/list-signer-filter-options';
import { listSigners } from '@/lib/people/list-signers';
import { parseSignerFilters, signerFiltersToParams } from '@/lib/people/signer-filters';
import { moderateCommentAction } from './actions';

export const metadata: Metadata = { title: 'People' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function PeoplePage({ searchParams }: Props) {
  const actor = await requireStaffPage('people:view');
  const params = await searchParams;
  const { filters, invalid } = parseSignerFilters(params);
  const [result, options] = await Promise.all([
    listSigners({ actor, input: filters }),
    listSignerFilterOptions({ actor }),
  ]);
  const queueHref = `/dashboard/people?${signerFiltersToParams({ comment: 'pending', sort: 'signed_at', dir: 'asc' })}`;

  return (
    <div>
      <div className="mb-6 flex flex-wrap items-baseline justify-between gap-3">
        <h1 className="text-2xl font-bold">People</h1>
        <Link href={queueHref} className="font-medium text-brand-700 underline">
          Moderation queue: comments awaiting review
        </Link>
      </div>
      <ModerationNotice moderated={params.moderated} />
      <InvalidFiltersNotice invalid={invalid} />
      <SignerFiltersForm filters={result.filters} options={options} />
      <SignersTable
        rows={result.rows}
        filters={result.filters}
        total={result.total}
        canModerate={can(actor.role, 'people:moderate')}
        moderateAction={moderateCommentAction}
        returnTo={`/dashboard/people?${signerFiltersToParams(result.filters)}`}
      />
      <Pagination
        label="Signer pages"
        noun="signers"
        page={result.page}
        pageCount={result.pageCount}
        total={result.total}
        pageSize={result.pageSize}
        hrefFor={(page) => `/dashboard/people?${signerFiltersToParams(result.filters, { page })}`}
      />
    </div>
  );
}

import type { Metadata } from 'next';
import { OrganisationPicker } from '@/components/dashboard/partner/organisation-picker';
import { formatCount, formatDateTime } from '@/components/dashboard/data-table/format';
import { requireStaffPage } from '@/lib/auth/require-staff';
import { notFoundOnScopeError } from '@/lib/partners/page-errors';
import { listOptedInPeople } from '@/lib/partners/list-opted-in-people';
import { partnerChoices } from '@/lib/partners/staff-scope';

export const metadata: Metadata = { title: 'Opted-in people' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/** The people who opted in to one organisation: a partner only its own (the service decides). */
export default async function OptedInPeoplePage({ searchParams }: Props) {
  const actor = await requireStaffPage('consents:view');
  const q = await searchParams;
  const requested = typeof q.organisationId === 'string' ? q.organisationId : undefined;
  const { partners, organisationId } = await partnerChoices(actor, requested);
  if (actor.role !== 'partner' && !organisationId) return <p className="text-muted">No partner organisations yet.</p>;
  // Another organisation's id (or a malformed one) is a 404, as if it did not exist.
  const list = await listOptedInPeople({ actor, input: { organisationId, page: typeof q.page === 'string' ? q.page : 1 } }).catch(notFoundOnScopeError);
  const scope = actor.role === 'partner' ? '' : `organisationId=${list.organisation.id}`;
  const pages = Math.max(1, Math.ceil(list.total / list.pageSize));
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold">People who opted in to {list.organisation.name}</h1>
        <p className="mt-1 text-muted">
          {formatCount(list.total)} standing consents, each confirmed by the person’s own click. The export includes the words they agreed to and when.
        </p>
      </div>
      {partners.length > 0 && <OrganisationPicker partners={partners} current={list.organisation.id} action="/dashboard/partner/people" />}
      <p>
        <a href={`/api/exports/consents${scope ? `?${scope}` : ''}`} className="font-semibold text-brand-700 underline" download>
          Download CSV
        </a>
      </p>
      <table className="w-full text-sm">
        <caption className="sr-only">Opted-in people</caption>
        <thead>
          <tr className="text-left">
            <th scope="col">Name</th>
            <th scope="col">Email</th>
            <th scope="col">Campaign</th>
            <th scope="col">Wording</th>
            <th scope="col">When</th>
            <th scope="col">How</th>
          </tr>
        </thead>
        <tbody>
          {list.people.map((p) => (
            <tr key={p.consentId} className="border-t border-slate-200 align-top">
              <td>{p.name}</td>
              <td>{p.email}</td>
              <td>{p.campaignTitle}</td>
              <td>{p.wording}</td>
              <td>{formatDateTime(p.consentedAt)}</td>
              <td>
                {p.method}
                {p.source ? ` · ${p.source}` : ''}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {pages > 1 && (
        <nav aria-label="Pages" className="flex gap-3">
          {list.page > 1 && <a href={`?${scope ? `${scope}&` : ''}page=${list.page - 1}`}>Previous</a>}
          <span>
            Page {list.page} of {pages}
          </span>
          {list.page < pages && <a href={`?${scope ? `${scope}&` : ''}page=${list.page + 1}`}>Next</a>}
        </nav>
      )}
    </div>
  );
}

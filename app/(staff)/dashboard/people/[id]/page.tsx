import type { Metadata } from 'next';
import Link from 'next/link';
import { BackLink } from '@/components/dashboard/shell/back-link';
import { notFound } from 'next/navigation';
import { formatDateTime } from '@/components/dashboard/data-table/format';
import { ModerationNotice } from '@/components/dashboard/people/moderation-notice';
import { PersonEmails, PersonLetters, PersonSignatures } from '@/components/dashboard/people/person-activity';
import { can } from '@/lib/auth/permissions';
import { requireStaffPage } from '@/lib/auth/require-staff';
import { isAppError } from '@/lib/errors';
import { getPerson, type PersonDetail } from '@/lib/people/get-person';
import { moderateCommentAction } from '../actions';

export const metadata: Metadata = { title: 'Person' };

type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

async function load(actor: Awaited<ReturnType<typeof requireStaffPage>>, id: string): Promise<PersonDetail> {
  try {
    return await getPerson({ actor, input: { supporterId: id } });
  } catch (e) {
    if (isAppError(e) && e.code === 'NOT_FOUND') notFound();
    throw e;
  }
}

export default async function PersonPage({ params, searchParams }: Props) {
  const actor = await requireStaffPage('people:view');
  const { id } = await params;
  const query = await searchParams;
  const justForgotten = query.forgotten === '1';
  const person = await load(actor, id);
  const name = person.forgottenAt ? 'Forgotten supporter' : `${person.firstName} ${person.lastName}`.trim() || 'Unnamed supporter';

  return (
    <div className="space-y-8">
      <BackLink href="/dashboard/people">Back to people</BackLink>
      {justForgotten ? (
        <div role="status">
          <p className="rounded-md border border-green-300 bg-green-50 p-3 text-sm font-medium text-green-900">
            This person’s personal data has been erased. Their anonymous signatures and letters still count.
          </p>
        </div>
      ) : (
        <ModerationNotice moderated={query.moderated} />
      )}
      <section aria-labelledby="person-heading">
        <h1 id="person-heading" className="text-2xl font-bold">
          {name}
        </h1>
        <dl className="mt-4 grid max-w-2xl grid-cols-[max-content_1fr] gap-x-6 gap-y-2 text-sm">
          <dt className="font-medium">Email</dt>
          <dd className="break-all">{person.email ?? '—'}</dd>
          <dt className="font-medium">Place</dt>
          <dd>{[person.city, person.state, person.zip].filter(Boolean).join(', ') || '—'}</dd>
          <dt className="font-medium">First seen</dt>
          <dd>{formatDateTime(person.createdAt)}</dd>
          <dt className="font-medium">Email verified</dt>
          <dd>{formatDateTime(person.emailVerifiedAt)}</dd>
          <dt className="font-medium">Unsubscribed</dt>
          <dd>{formatDateTime(person.unsubscribedAt)}</dd>
          {person.forgottenAt && (
            <>
              <dt className="font-medium">Forgotten</dt>
              <dd>{formatDateTime(person.forgottenAt)}</dd>
            </>
          )}
        </dl>
      </section>

      <section aria-label="Actions" className="space-y-6">
        <PersonSignatures person={person} canModerate={can(actor.role, 'people:moderate')} moderateAction={moderateCommentAction} />
        <PersonLetters person={person} />
        <PersonEmails person={person} />
      </section>

      {can(actor.role, 'people:forget') && !person.forgottenAt && (
        <section aria-labelledby="forget-heading" className="rounded-md border border-red-200 bg-white p-4">
          <h2 id="forget-heading" className="text-lg font-semibold">
            Erase personal data
          </h2>
          <p className="mt-1 text-sm text-muted">
            Removes this person’s name, email, address, comments and letter text. Anonymous counts remain.
          </p>
          <p className="mt-3">
            <Link href={`/dashboard/people/${person.id}/forget`} className="font-semibold text-red-800 underline">
              Forget this person…
            </Link>
          </p>
        </section>
      )}
    </div>
  );
}

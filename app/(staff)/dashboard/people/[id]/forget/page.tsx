import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound, redirect } from 'next/navigation';
import { ForgetPersonForm } from '@/components/dashboard/people/forget-person-form';
import { requireStaffPage } from '@/lib/auth/require-staff';
import { isAppError } from '@/lib/errors';
import { getPerson } from '@/lib/people/get-person';
import { forgetPersonAction } from '../../actions';

export const metadata: Metadata = { title: 'Forget a person' };

type Props = { params: Promise<{ id: string }> };

export default async function ForgetPersonPage({ params }: Props) {
  const actor = await requireStaffPage('people:forget');
  const { id } = await params;
  const person = await getPerson({ actor, input: { supporterId: id } }).catch((e) => {
    if (isAppError(e) && e.code === 'NOT_FOUND') notFound();
    throw e;
  });
  if (person.forgottenAt) redirect(`/dashboard/people/${id}`);
  const name = `${person.firstName} ${person.lastName}`.trim() || 'this supporter';

  return (
    <div className="max-w-2xl space-y-6">
      <p>
        <Link href={`/dashboard/people/${id}`} className="text-brand-700 underline">
          Back to {name}
        </Link>
      </p>
      <h1 className="text-2xl font-bold">Forget {name}?</h1>
      <div className="space-y-3 text-sm">
        <p>This erases, permanently:</p>
        <ul className="list-disc space-y-1 pl-6">
          <li>their name, email address, ZIP code, city and street;</li>
          <li>
            their comments ({person.signatures.filter((s) => s.comment).length}) and the subject and text of their letters (
            {person.letters.length});
          </li>
          <li>the address and content of emails sent to them ({person.emails.length}), and any links still in their inbox.</li>
        </ul>
        <p>
          Their {person.signatures.length} signature(s) and {person.letters.length} letter(s) stay in the counts, without
          anything that identifies them. Letters not yet delivered are cancelled. The audit log records that you did this,
          with the supporter’s id only.
        </p>
      </div>
      <ForgetPersonForm supporterId={person.id} action={forgetPersonAction} />
    </div>
  );
}

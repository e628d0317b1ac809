import type { Metadata } from 'next';
import { BackLink } from '@/components/dashboard/shell/back-link';
import { NewTreatyForm } from '@/components/dashboard/treaties/new-treaty-form';
import { requireStaffPage } from '@/lib/auth/require-staff';
import { createTreatyAction } from '../actions';

export const metadata: Metadata = { title: 'Add a treaty' };

export default async function NewTreatyPage() {
  await requireStaffPage('campaigns:edit');
  return (
    <div className="space-y-6">
      <BackLink href="/dashboard/treaties">Back to treaties</BackLink>
      <div>
        <h1 className="text-2xl font-bold">Add a treaty</h1>
        <p className="mt-1 text-muted">Campaigns then choose it in the editor; its page shows its stage and history.</p>
      </div>
      <section className="max-w-3xl rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
        <NewTreatyForm action={createTreatyAction} />
      </section>
    </div>
  );
}

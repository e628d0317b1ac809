import type { Metadata } from 'next';
import { OutboxCounts } from '@/components/dashboard/outbox/outbox-counts';
import { OutboxFailuresTable } from '@/components/dashboard/outbox/outbox-failures-table';
import { requireStaffPage } from '@/lib/auth/require-staff';
import { getOutboxSummary } from '@/lib/email/get-outbox-summary';
import { retryOutboxAction } from './actions';

export const metadata: Metadata = { title: 'Email outbox' };

export default async function OutboxPage() {
  const actor = await requireStaffPage('outbox:view');
  const summary = await getOutboxSummary({ actor });
  return (
    <div className="space-y-8">
      <h1 className="text-2xl font-bold">Email outbox</h1>
      <OutboxCounts summary={summary} />
      <OutboxFailuresTable failures={summary.failures} retryAction={retryOutboxAction} />
    </div>
  );
}

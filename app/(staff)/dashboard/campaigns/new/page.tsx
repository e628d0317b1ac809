import type { Metadata } from 'next';
import { BackLink } from '@/components/dashboard/shell/back-link';
import { CreateCampaignForm } from '@/components/dashboard/campaigns/create-campaign-form';
import { requireStaffPage } from '@/lib/auth/require-staff';
import { listTreaties } from '@/lib/treaties/list-treaties';
import { createCampaignAction } from '../actions';

export const metadata: Metadata = { title: 'New campaign' };

export default async function NewCampaignPage() {
  const actor = await requireStaffPage('campaigns:edit');
  const treaties = await listTreaties({ actor });
  return (
    <div className="space-y-6">
      <BackLink href="/dashboard/campaigns">Back to campaigns</BackLink>
      <div>
        <h1 className="text-2xl font-bold">New campaign</h1>
        <p className="mt-1 text-muted">It starts as a draft that only staff can see, with a letter template you can edit.</p>
      </div>
      {treaties.length === 0 ? (
        <p>There is no treaty to campaign for yet.</p>
      ) : (
        <CreateCampaignForm action={createCampaignAction} treaties={treaties.map((t) => ({ value: t.id, label: t.shortName }))} />
      )}
    </div>
  );
}

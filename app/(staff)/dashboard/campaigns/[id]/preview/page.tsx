import type { Metadata } from 'next';
import Link from 'next/link';
import { CampaignPreview } from '@/components/dashboard/campaigns/campaign-preview';
import { InlineActionForm } from '@/components/dashboard/data-table/inline-action-form';
import { can } from '@/lib/auth/permissions';
import { requireStaffPage } from '@/lib/auth/require-staff';
import { publishCampaignAction } from '../actions';
import { loadCampaign } from '../load-campaign';

export const metadata: Metadata = { title: 'Campaign preview' };

type Props = { params: Promise<{ id: string }> };

const banner = {
  draft: 'Draft preview: only signed-in staff can see this. The public address answers “not found” until the campaign is published.',
  live: 'Staff preview of a live campaign. The public page shows the same content with working forms.',
  closed: 'Staff preview of a closed campaign, as the public sees it.',
} as const;

/** The public look of any campaign, drafts included, behind the staff session. */
export default async function CampaignPreviewPage({ params }: Props) {
  const actor = await requireStaffPage('campaigns:view');
  const campaign = await loadCampaign(actor, (await params).id);
  const mayEdit = can(actor.role, 'campaigns:edit');

  return (
    <div className="space-y-4">
      <section aria-labelledby="preview-banner" className="rounded-lg border-l-4 border-amber-500 bg-amber-50 p-4">
        <h2 id="preview-banner" className="font-bold text-amber-950">
          {campaign.status === 'draft' ? 'Draft preview' : 'Staff preview'}
        </h2>
        {/* Announced when Publish (which then disappears) changes the campaign's state. */}
        <p role="status" className="mt-1 text-sm text-amber-950">
          {banner[campaign.status]}
        </p>
        <div className="mt-3 flex flex-wrap items-start gap-3">
          {mayEdit && (
            <Link
              href={`/dashboard/campaigns/${campaign.id}`}
              className="inline-flex min-h-11 items-center rounded-md border border-slate-500 bg-white px-4 text-sm font-semibold text-ink"
            >
              Back to the editor
            </Link>
          )}
          {mayEdit && campaign.status === 'draft' && !campaign.archived && (
            <InlineActionForm
              action={publishCampaignAction}
              fields={{ id: campaign.id, expectedUpdatedAt: campaign.updatedAt }}
              label="Publish"
              pendingLabel="Publishing…"
            />
          )}
          {campaign.status !== 'draft' && (
            <a href={`/c/${campaign.slug}`} className="inline-flex min-h-11 items-center text-sm font-semibold text-brand-700 underline">
              Open the public page
            </a>
          )}
        </div>
      </section>
      <CampaignPreview campaign={campaign} />
    </div>
  );
}

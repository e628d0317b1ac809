import Link from 'next/link';
import type { ActionState } from '@/lib/forms/state';
import { InlineActionForm } from '@/components/dashboard/data-table/inline-action-form';
import type { StaffCampaign } from '@/lib/campaigns/get-staff-campaign';
import { CloseCampaignForm } from './close-campaign-form';
import type { CloseCampaignState } from '@/lib/forms/campaign';
import { StatusBadge } from './status-badge';

type Action = (state: ActionState, formData: FormData) => Promise<ActionState>;

export type StatusActions = {
  publish: Action;
  unpublish: Action;
  archive: Action;
  duplicate: Action;
  close: (state: CloseCampaignState, formData: FormData) => Promise<CloseCampaignState>;
};

const explain = {
  draft: 'Only staff can see a draft. Its public address answers “not found” until it is published.',
  live: 'The page is public and takes signatures and letters.',
  closed: 'The page is public, takes nothing new and shows the result note.',
} as const;

/** Where the campaign stands and what can happen next: publish, close, reopen, archive, copy. */
export function CampaignStatusPanel({ campaign, actions }: { campaign: StaffCampaign; actions: StatusActions }) {
  const version = { id: campaign.id, expectedUpdatedAt: campaign.updatedAt };
  const { status, archived } = campaign;
  return (
    <section aria-labelledby="status-heading" className="space-y-4 rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
      <h2 id="status-heading" className="text-lg font-semibold">
        Status
      </h2>
      {/* A live region: a publish or close removes the button that was pressed, so announce the new state here. */}
      <div role="status" className="space-y-2">
        <StatusBadge status={status} archived={archived} />
        <p className="text-sm text-muted">{explain[status]}</p>
      </div>
      <p className="flex flex-wrap gap-4 text-sm">
        <Link href={`/dashboard/campaigns/${campaign.id}/preview`} className="font-semibold text-brand-700 underline">
          {status === 'draft' ? 'Preview the draft' : 'Preview as staff'}
        </Link>
        {status !== 'draft' && (
          <a href={`/c/${campaign.slug}`} className="font-semibold text-brand-700 underline">
            Open the public page
          </a>
        )}
      </p>
      <div className="flex flex-wrap items-start gap-3">
        {status !== 'live' && !archived && (
          <InlineActionForm action={actions.publish} fields={version} label={status === 'closed' ? 'Reopen' : 'Publish'} pendingLabel="Publishing…" />
        )}
        {status !== 'draft' && (
          <InlineActionForm action={actions.unpublish} fields={version} label="Move back to draft" pendingLabel="Moving…" tone="danger" />
        )}
        {status !== 'live' && (
          <InlineActionForm
            action={actions.archive}
            fields={{ ...version, archived: archived ? '0' : '1' }}
            label={archived ? 'Restore from archive' : 'Archive'}
            pendingLabel={archived ? 'Restoring…' : 'Archiving…'}
          />
        )}
        <InlineActionForm action={actions.duplicate} fields={{ id: campaign.id }} label="Duplicate" pendingLabel="Copying…" accessibleLabel="Duplicate this campaign as a new draft" />
      </div>
      {status !== 'draft' && (
        <div className="border-t border-slate-200 pt-4">
          <h3 className="font-semibold">{status === 'closed' ? 'Result' : 'Close the campaign'}</h3>
          <CloseCampaignForm id={campaign.id} updatedAt={campaign.updatedAt} resultNote={campaign.resultNote} closed={status === 'closed'} action={actions.close} />
        </div>
      )}
    </section>
  );
}

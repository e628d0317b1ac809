import type { Metadata } from 'next';
import { BackLink } from '@/components/dashboard/shell/back-link';
import { CampaignEditorForm } from '@/components/dashboard/campaigns/campaign-editor-form';
import { CampaignStatusPanel } from '@/components/dashboard/campaigns/campaign-status-panel';
import { LetterVariantsForm } from '@/components/dashboard/campaigns/letter-variants-form';
import { LetterVariantsPreview } from '@/components/dashboard/campaigns/letter-variants-preview';
import { SenatePageForm } from '@/components/dashboard/campaigns/senate-page-form';
import { previewLetterVariants } from '@/lib/campaigns/preview-letter-variants';
import { formatCount, formatDateTime } from '@/components/dashboard/data-table/format';
import { SponsorsForm } from '@/components/dashboard/campaigns/sponsors-form';
import Link from 'next/link';
import { can } from '@/lib/auth/permissions';
import { requireStaffPage } from '@/lib/auth/require-staff';
import { listCampaignSponsorIds } from '@/lib/campaigns/set-campaign-sponsors';
import { listPartners } from '@/lib/organisations/list-partners';
import { env } from '@/lib/env';
import { listTreaties } from '@/lib/treaties/list-treaties';
import {
  archiveCampaignAction,
  closeCampaignAction,
  duplicateCampaignAction,
  publishCampaignAction,
  setCampaignSponsorsAction,
  unpublishCampaignAction,
  updateCampaignAction,
  updateSenatePageAction,
  updateLetterVariantsAction,
} from './actions';
import { loadCampaign } from './load-campaign';

export const metadata: Metadata = { title: 'Edit campaign' };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

const notices: Record<string, string> = {
  created: 'Draft created. Write the story and the letter, preview it, then publish.',
  duplicated: 'This is a new draft copied from the campaign you duplicated.',
};

export default async function EditCampaignPage({ params, searchParams }: Props) {
  const actor = await requireStaffPage('campaigns:edit');
  const { id } = await params;
  const notice = notices[String((await searchParams).notice ?? '')];
  const campaign = await loadCampaign(actor, id);
  const [treaties, partners, sponsorIds] = await Promise.all([
    listTreaties({ actor }),
    listPartners({ actor }),
    listCampaignSponsorIds({ actor, campaignId: campaign.id }),
  ]);
  const previews = await previewLetterVariants({ actor, campaignId: campaign.id });

  return (
    <div className="space-y-6">
      <BackLink href="/dashboard/campaigns">Back to campaigns</BackLink>
      <div>
        <h1 className="text-2xl font-bold">{campaign.title}</h1>
        <p className="mt-1 text-sm text-muted">
          {formatCount(campaign.counts.signatures)} signatures · {formatCount(campaign.counts.letters)} letters · last saved{' '}
          {formatDateTime(campaign.updatedAt)}
        </p>
        {can(actor.role, 'updates:send') && (
          <p className="mt-2">
            <Link href={`/dashboard/campaigns/${id}/updates`} className="font-medium text-brand-700 underline">
              Updates to supporters
            </Link>
          </p>
        )}
      </div>
      <div role="status">
        {notice && <p className="rounded-md border border-green-300 bg-green-50 p-3 text-sm font-medium text-green-900">{notice}</p>}
      </div>

      <CampaignStatusPanel
        campaign={campaign}
        actions={{
          publish: publishCampaignAction,
          unpublish: unpublishCampaignAction,
          archive: archiveCampaignAction,
          duplicate: duplicateCampaignAction,
          close: closeCampaignAction,
        }}
      />

      <CampaignEditorForm
        campaign={campaign}
        treaties={treaties.map(({ id: treatyId, name, shortName }) => ({ id: treatyId, name, shortName }))}
        appUrl={env().APP_URL}
        action={updateCampaignAction}
      />

      <SponsorsForm
        campaignId={campaign.id}
        partners={partners}
        sponsorIds={sponsorIds}
        refOnlyPartnerBox={campaign.refOnlyPartnerBox}
        action={setCampaignSponsorsAction}
      />

      <LetterVariantsForm campaignId={campaign.id} variants={campaign.letterVariants} callScripts={campaign.callScripts} action={updateLetterVariantsAction} />
      <LetterVariantsPreview previews={previews} />

      <SenatePageForm campaignId={campaign.id} slug={campaign.slug} senatePage={campaign.senatePage} action={updateSenatePageAction} />
    </div>
  );
}

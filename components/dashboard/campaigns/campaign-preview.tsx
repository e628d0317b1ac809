import { CampaignHeader } from '@/components/campaign/campaign-header';
import { CampaignStory } from '@/components/campaign/campaign-story';
import { ClosedResult } from '@/components/campaign/closed-result';
import { TreatyStatus } from '@/components/campaign/treaty-status';
import { PetitionProgress } from '@/components/petition/petition-progress';
import type { StaffCampaign } from '@/lib/campaigns/get-staff-campaign';

/**
 * The campaign as its public page lays it out, built from the same components, for staff to check
 * before publishing. The forms are stood in for: a preview must never take a signature.
 */
export function CampaignPreview({ campaign }: { campaign: StaffCampaign }) {
  const open = campaign.status !== 'closed' && !campaign.archived;
  return (
    <article className="rounded-lg border-2 border-dashed border-slate-300 bg-[#f8fafc] p-4 sm:p-6">
      <CampaignHeader treatyShortName={campaign.treaty.shortName} title={campaign.title} summary={campaign.summary} />

      <div className="mt-8 grid gap-8 lg:grid-cols-[minmax(0,1fr)_20rem]">
        <aside aria-label="Take action (preview)" className="space-y-6 lg:order-2">
          <div className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
            {open ? (
              <div className="space-y-4">
                <h2 className="text-xl font-bold">Sign the petition</h2>
                <PetitionProgress count={campaign.counts.signatures} goal={campaign.petitionGoal} autoStep={campaign.goalAutoStep} />
                <p className="rounded-md bg-slate-100 p-3 text-sm text-slate-800">
                  The signature form appears here on the live page, followed by the letter to senators.
                </p>
              </div>
            ) : (
              <ClosedResult resultNote={campaign.resultNote} closedAt={campaign.closedAt}>
                <PetitionProgress count={campaign.counts.signatures} goal={campaign.petitionGoal} autoStep={false} />
              </ClosedResult>
            )}
          </div>
        </aside>

        <div className="min-w-0 space-y-8 lg:order-1">
          {campaign.storyMd.trim() ? (
            <CampaignStory markdown={campaign.storyMd} />
          ) : (
            <p className="rounded-md bg-amber-50 p-3 text-amber-900">No story yet: the page would start with the treaty below.</p>
          )}
          <TreatyStatus treaty={campaign.treaty} />
        </div>
      </div>
    </article>
  );
}

import type { Metadata } from 'next';
import { BackLink } from '@/components/dashboard/shell/back-link';
import { notFound } from 'next/navigation';
import { STAGE_COPY } from '@/components/campaign/stage-copy';
import { StageEventForm } from '@/components/dashboard/treaties/stage-event-form';
import { StageHistory } from '@/components/dashboard/treaties/stage-history';
import { PartiesForm } from '@/components/dashboard/treaties/parties-form';
import { TreatyFactsForm } from '@/components/dashboard/treaties/treaty-facts-form';
import { getTreatyPartiesCsv } from '@/lib/treaties/import-treaty-parties';
import { requireStaffPage } from '@/lib/auth/require-staff';
import { isAppError } from '@/lib/errors';
import { getTreaty, type StaffTreaty } from '@/lib/treaties/get-treaty';
import type { StaffActor } from '@/lib/auth/actor';
import { addTreatyStageEventAction, importTreatyPartiesAction, updateTreatyAction } from '../actions';

export const metadata: Metadata = { title: 'Treaty' };

type Props = { params: Promise<{ id: string }> };

async function load(actor: StaffActor, id: string): Promise<StaffTreaty> {
  try {
    return await getTreaty({ actor, input: { id } });
  } catch (e) {
    if (isAppError(e) && e.code === 'NOT_FOUND') notFound();
    throw e;
  }
}

const card = 'space-y-4 rounded-lg border border-slate-200 bg-white p-5 shadow-sm';

export default async function TreatyPage({ params }: Props) {
  const actor = await requireStaffPage('campaigns:edit');
  const treaty = await load(actor, (await params).id);
  const parties = await getTreatyPartiesCsv({ actor, treatyId: treaty.id });
  return (
    <div className="space-y-6">
      <BackLink href="/dashboard/treaties">Back to treaties</BackLink>
      <div>
        <h1 className="text-2xl font-bold">{treaty.shortName}</h1>
        <p className="mt-1 text-muted">
          Current stage: <strong className="text-ink">{STAGE_COPY[treaty.stage].label}</strong>. It follows the latest recorded step.
        </p>
      </div>
      <div className="grid gap-6 xl:grid-cols-2">
        <section aria-labelledby="steps-heading" className={card}>
          <h2 id="steps-heading" className="text-lg font-semibold">
            Record a step
          </h2>
          <StageEventForm treatyId={treaty.id} action={addTreatyStageEventAction} />
          <h3 className="pt-2 font-semibold">History</h3>
          <StageHistory events={treaty.events} />
        </section>
        <section aria-labelledby="facts-heading" className={card}>
          <h2 id="facts-heading" className="text-lg font-semibold">
            Treaty facts
          </h2>
          <TreatyFactsForm treaty={treaty} action={updateTreatyAction} />
        </section>
        <section aria-labelledby="parties-heading" className={card}>
          <h2 id="parties-heading" className="text-lg font-semibold">
            States parties
          </h2>
          <p className="text-sm text-muted">
            {parties.rows
              ? `${parties.rows} countries: ${parties.counts.parties} parties and ${parties.counts.signatories} signatories${parties.counts.asOf ? ` as of ${parties.counts.asOf}` : ''}. Public pages count from this list.`
              : 'No list yet: public pages show the counts typed in the treaty facts.'}
          </p>
          <PartiesForm treatyId={treaty.id} csv={parties.csv} action={importTreatyPartiesAction} />
        </section>
      </div>
    </div>
  );
}

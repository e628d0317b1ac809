import type { Metadata } from 'next';
import { BackLink } from '@/components/dashboard/shell/back-link';
import { FilterSelect } from '@/components/dashboard/data-table/filter-controls';
import { SenatorTalliesTable } from '@/components/dashboard/letters/senator-tallies-table';
import { can } from '@/lib/auth/permissions';
import { requireStaffPage } from '@/lib/auth/require-staff';
import { listLedgerOptions } from '@/lib/letters/list-ledger-options';
import { listSenatorTallies } from '@/lib/letters/list-senator-tallies';

export const metadata: Metadata = { title: 'Letters per senator' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function SenatorTalliesPage({ searchParams }: Props) {
  const actor = await requireStaffPage('letters:view');
  const raw = (await searchParams).campaign;
  const options = await listLedgerOptions({ actor });
  const requested = typeof raw === 'string' ? options.campaigns.find((c) => c.id === raw) : undefined;
  const campaign = requested ?? options.campaigns.find((c) => c.status === 'live') ?? options.campaigns[0];
  const tallies = campaign ? await listSenatorTallies({ actor, input: { campaignId: campaign.id } }) : null;

  return (
    <div>
      <BackLink href="/dashboard/letters" className="mb-4">Back to letters</BackLink>
      <h1 className="mb-6 text-2xl font-bold">Letters per senator</h1>
      <form method="get" action="/dashboard/letters/senators" aria-label="Choose a campaign" className="mb-6 flex flex-wrap items-end gap-3">
        <div className="min-w-64">
          <FilterSelect
            id="tallies-campaign"
            label="Campaign"
            name="campaign"
            value={campaign?.id}
            anyLabel="Choose a campaign"
            options={options.campaigns.map((c) => ({ value: c.id, label: c.title }))}
          />
        </div>
        <button type="submit" className="min-h-11 rounded-md bg-brand-700 px-4 text-sm font-semibold text-white hover:bg-brand-800">
          Show
        </button>
      </form>
      {typeof raw === 'string' && raw !== '' && !requested && (
        <p role="status" className="mb-4 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">
          That campaign was not found; showing {campaign?.title ?? 'nothing'} instead.
        </p>
      )}
      {tallies ? (
        <SenatorTalliesTable tallies={tallies} canOpenPackets={can(actor.role, 'people:view')} />
      ) : (
        <p>No campaigns yet.</p>
      )}
    </div>
  );
}

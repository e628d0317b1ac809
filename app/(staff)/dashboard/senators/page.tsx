import type { Metadata } from 'next';
import Link from 'next/link';
import { AbsentToggle } from '@/components/dashboard/senators/absent-toggle';
import { BULK_FORM_ID, BulkStanceForm } from '@/components/dashboard/senators/bulk-stance-form';
import { CommitteeView } from '@/components/dashboard/senators/committee-view';
import { RosterImports } from '@/components/dashboard/senators/roster-imports';
import { formatDateTime } from '@/components/dashboard/data-table/format';
import { listRosterImports } from '@/lib/senators/roster-imports';
import { DataTable, type Column } from '@/components/dashboard/data-table/data-table';
import { PositionForm } from '@/components/dashboard/senators/position-form';
import { STANCE_LABELS } from '@/lib/senators/stance-labels';
import { WhipCountSummary } from '@/components/dashboard/senators/whip-count-summary';
import { WhipFiltersForm } from '@/components/dashboard/senators/whip-filters-form';
import { can } from '@/lib/auth/permissions';
import { requireStaffPage } from '@/lib/auth/require-staff';
import { isAppError } from '@/lib/errors';
import { getWhipCount, type WhipCount, type WhipRow } from '@/lib/senators/get-whip-count';
import type { StaffActor } from '@/lib/auth/actor';
import { listTreaties } from '@/lib/treaties/list-treaties';
import {
  reimportRosterAction,
  setExpectedAbsentAction,
  setSenatorPositionAction,
  setStancesBulkAction,
} from './actions';

export const metadata: Metadata = { title: 'Senators' };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? '';

const boardQuery = (q: Record<string, string | string[] | undefined>) => ({
  treatyId: one(q.treaty),
  state: one(q.state),
  stance: one(q.stance),
  party: one(q.party),
  ssfr: one(q.ssfr),
  absent: one(q.absent),
});

/** The CSV link carries the same filters as the page. */
function csvHref(whip: WhipCount): string {
  const p = new URLSearchParams();
  if (whip.treaty) p.set('treaty', whip.treaty.id);
  const f = whip.filters;
  if (f.state) p.set('state', f.state);
  if (f.stance) p.set('stance', f.stance);
  if (f.party) p.set('party', f.party);
  if (f.ssfr) p.set('ssfr', '1');
  if (f.absent) p.set('absent', '1');
  return `/api/exports/senators?${p}`;
}

/** Bad filter values (a hand-edited URL) fall back to the unfiltered roster rather than an error page. */
async function load(actor: StaffActor, q: Record<string, string | string[] | undefined>): Promise<WhipCount> {
  try {
    return await getWhipCount({ actor, input: boardQuery(q) });
  } catch (e) {
    if (isAppError(e) && e.code === 'VALIDATION') return getWhipCount({ actor });
    throw e;
  }
}

function SsfrBadge({ row }: { row: WhipRow }) {
  if (!row.ssfrMember) return null;
  return (
    <span className="rounded border border-brand-700 bg-brand-50 px-1.5 py-0.5 text-xs font-semibold text-brand-800">
      Foreign Relations{row.ssfrTitle ? ` · ${row.ssfrTitle}` : ''}
    </span>
  );
}

export default async function SenatorsPage({ searchParams }: Props) {
  const actor = await requireStaffPage('campaigns:view');
  const [whip, treaties, imports] = await Promise.all([load(actor, await searchParams), listTreaties({ actor }), listRosterImports({ actor })]);
  const mayEdit = can(actor.role, 'senators:edit');
  const mayExport = can(actor.role, 'senators:export');
  const treatyId = whip.treaty?.id;
  const bulk = mayEdit && treatyId;

  // The senator's page: stance history, and where letters to the office go (address, CWC office).
  const senatorHref = (s: WhipRow) => `/dashboard/senators/${s.id}${treatyId ? `?treaty=${treatyId}` : ''}`;

  const columns: Column<WhipRow>[] = [
    ...(bulk
      ? [
          {
            key: 'select',
            header: <span className="sr-only">Select for bulk update</span>,
            cell: (s: WhipRow) => (
              <input
                type="checkbox"
                name="senatorIds"
                value={s.id}
                form={BULK_FORM_ID}
                aria-label={`Select ${s.officialName}`}
                className="h-5 w-5 accent-brand-700"
              />
            ),
          },
        ]
      : []),
    {
      key: 'senator',
      header: 'Senator',
      rowHeader: true,
      cell: (s) => (
        <span className="flex flex-col items-start gap-1">
          <Link href={senatorHref(s)} className="underline">
            {s.officialName}
          </Link>
          <span className="font-normal text-muted">{s.party}</span>
          <SsfrBadge row={s} />
        </span>
      ),
    },
    { key: 'state', header: 'State', cell: (s) => <abbr title={s.stateName}>{s.state}</abbr> },
    {
      key: 'stance',
      header: 'Stance, note and source',
      cell: (s) =>
        mayEdit && treatyId ? (
          <PositionForm
            senatorId={s.id}
            senatorName={s.officialName}
            treatyId={treatyId}
            stance={s.stance}
            note={s.note}
            sourceUrl={s.sourceUrl}
            statedOn={s.statedOn}
            action={setSenatorPositionAction}
          />
        ) : (
          <span className="flex flex-col">
            <span className="font-medium">{STANCE_LABELS[s.stance]}</span>
            {s.statedOn && <span className="text-muted">since {s.statedOn}</span>}
            {s.note && <span className="text-muted">{s.note}</span>}
          </span>
        ),
    },
    {
      key: 'pressure',
      header: 'Constituent pressure',
      cell: (s) => (
        <span className="flex flex-col text-sm tabular-nums">
          <span>{s.pressure.lettersSent} letters sent</span>
          <span>
            {s.pressure.signers} signers in {s.state}
          </span>
          <span>{s.pressure.verifiedSigners} verified</span>
          <span>
            {s.pressure.calls.total} calls reported
            {s.pressure.calls.total > 0 &&
              ` (supports ${s.pressure.calls.supports}, undecided ${s.pressure.calls.undecided}, opposes ${s.pressure.calls.opposes}, no answer ${s.pressure.calls.noAnswer}; ${s.pressure.calls.pending} to review)`}
          </span>
        </span>
      ),
    },
    {
      key: 'absent',
      header: 'At the vote',
      cell: (s) =>
        mayEdit && treatyId ? (
          <AbsentToggle senatorId={s.id} senatorName={s.officialName} treatyId={treatyId} expectedAbsent={s.expectedAbsent} action={setExpectedAbsentAction} />
        ) : s.expectedAbsent ? (
          'Expected absent'
        ) : (
          'Expected present'
        ),
    },
    {
      key: 'route',
      header: 'Letters go to',
      cell: (s) => (
        <span className="flex flex-col">
          <span className="font-medium">{s.route.label}</span>
          {s.route.detail && <span className="break-all text-muted">{s.route.detail}</span>}
          {mayEdit && (
            <Link href={`${senatorHref(s)}#delivery`} className="underline" aria-label={`Change where letters to ${s.officialName} go`}>
              Change
            </Link>
          )}
        </span>
      ),
    },
  ];

  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold">Senators</h1>
        <p className="mt-1 text-muted">
          Where each senator stands, and where letters to each office go: the Senate’s CWC service when it is configured
          and on for the office, else the office address, else the coalition inbox, else writers send their letter
          themselves (for campaigns that deliver to offices). Open a senator to see their stance history and to change
          the office address or CWC office.
        </p>
      </div>
      {whip.treaty ? <WhipCountSummary whip={whip} /> : <p>Add a treaty to start a whip count.</p>}
      {whip.treaty && <CommitteeView whip={whip} />}
      <WhipFiltersForm whip={whip} treaties={treaties} />
      <p>
        <Link href="/dashboard/senators/calls" className="font-semibold text-brand-700 underline">
          Review supporters’ call reports
        </Link>
      </p>
      {mayExport && whip.treaty && (
        <p>
          <a href={csvHref(whip)} className="font-semibold text-brand-700 underline" download>
            Download this board as CSV
          </a>
        </p>
      )}
      <RosterImports
        imports={imports.map((i) => ({ id: i.id, when: formatDateTime(i.importedAt), senatorCount: i.senatorCount, changes: i.changes }))}
        action={mayEdit ? reimportRosterAction : undefined}
      />
      {bulk && <BulkStanceForm treatyId={treatyId} action={setStancesBulkAction} />}
      <DataTable
        caption={`Senators shown: ${whip.rows.length} of ${whip.senatorCount}`}
        columns={columns}
        rows={whip.rows}
        rowKey={(s) => s.id}
        empty={whip.senatorCount === 0 ? 'The Senate roster has not been imported yet.' : 'No senator matches these filters.'}
      />
    </div>
  );
}

import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { DataTable, type Column } from '@/components/dashboard/data-table/data-table';
import { formatDateTime } from '@/components/dashboard/data-table/format';
import { AbsentToggle } from '@/components/dashboard/senators/absent-toggle';
import { CwcOfficeForm } from '@/components/dashboard/senators/cwc-office-form';
import { DeliveryEmailForm } from '@/components/dashboard/senators/delivery-email-form';
import { PositionForm } from '@/components/dashboard/senators/position-form';
import { BackLink } from '@/components/dashboard/shell/back-link';
import { can } from '@/lib/auth/permissions';
import { requireStaffPage } from '@/lib/auth/require-staff';
import { isAppError } from '@/lib/errors';
import { getStanceHistory, type StanceHistory, type StanceHistoryEntry } from '@/lib/senators/get-stance-history';
import { STANCE_LABELS } from '@/lib/senators/stance-labels';
import { setCwcOfficeAction, setDeliveryEmailAction, setExpectedAbsentAction, setSenatorPositionAction } from '../actions';

export const metadata: Metadata = { title: 'Senator' };

type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

async function load(actor: Awaited<ReturnType<typeof requireStaffPage>>, senatorId: string, treatyId: string): Promise<StanceHistory> {
  try {
    return await getStanceHistory({ actor, input: { senatorId, treatyId } });
  } catch (e) {
    // A malformed id in the URL is a page that does not exist.
    if (isAppError(e) && (e.code === 'NOT_FOUND' || e.code === 'VALIDATION')) notFound();
    throw e;
  }
}

const safeLink = (url: string | null) => (url && /^https?:\/\//i.test(url) ? url : null);

/** One senator: where they stand on the treaty now and every recorded change, newest first. */
export default async function SenatorPage({ params, searchParams }: Props) {
  const actor = await requireStaffPage('campaigns:view');
  const { id } = await params;
  const q = await searchParams;
  const treatyParam = Array.isArray(q.treaty) ? q.treaty[0] : (q.treaty ?? '');
  const h = await load(actor, id, treatyParam);
  const mayEdit = can(actor.role, 'senators:edit') && h.senator.isCurrent && h.treaty;
  const mayEditOffice = can(actor.role, 'senators:edit') && h.senator.isCurrent;

  const columns: Column<StanceHistoryEntry>[] = [
    { key: 'stance', header: 'Stance', rowHeader: true, cell: (e) => STANCE_LABELS[e.stance] },
    { key: 'stated', header: 'Stated on', cell: (e) => e.statedOn },
    {
      key: 'source',
      header: 'Source',
      cell: (e) => {
        const href = safeLink(e.sourceUrl);
        if (e.callReportId) return 'A supporter’s call report';
        return href ? (
          <a href={href} rel="noopener noreferrer nofollow" className="break-all underline">
            {href}
          </a>
        ) : (
          '—'
        );
      },
    },
    { key: 'note', header: 'Note', cell: (e) => e.note ?? '—' },
    { key: 'by', header: 'Recorded by', cell: (e) => e.recordedBy ?? 'a former staff member' },
    { key: 'at', header: 'Recorded at', cell: (e) => formatDateTime(e.recordedAt) },
  ];

  return (
    <div className="space-y-6">
      <BackLink href={`/dashboard/senators${h.treaty ? `?treaty=${h.treaty.id}` : ''}`}>Back to the whip board</BackLink>
      <div>
        <h1 className="text-2xl font-bold">{h.senator.officialName}</h1>
        <p className="text-muted">
          {h.senator.party}, {h.senator.stateName}
          {h.senator.ssfrMember ? ' · Foreign Relations Committee' : ''}
          {h.senator.isCurrent ? '' : ' · no longer in the Senate (history kept)'}
        </p>
      </div>
      {h.treaty ? (
        <section aria-labelledby="now-heading" className="space-y-3 rounded-lg border border-slate-200 bg-white p-5">
          <h2 id="now-heading" className="text-lg font-semibold">
            On {h.treaty.shortName} now: {STANCE_LABELS[h.current.stance]}
            {h.current.statedOn ? ` (since ${h.current.statedOn})` : ''}
          </h2>
          {mayEdit && h.treaty ? (
            <div className="flex flex-wrap items-start gap-6">
              <PositionForm
                senatorId={h.senator.id}
                senatorName={h.senator.officialName}
                treatyId={h.treaty.id}
                stance={h.current.stance}
                note={h.current.note}
                sourceUrl={h.current.sourceUrl}
                statedOn={h.current.statedOn}
                action={setSenatorPositionAction}
              />
              <AbsentToggle
                senatorId={h.senator.id}
                senatorName={h.senator.officialName}
                treatyId={h.treaty.id}
                expectedAbsent={h.current.expectedAbsent}
                action={setExpectedAbsentAction}
              />
            </div>
          ) : (
            h.current.expectedAbsent && <p>Expected absent at the vote.</p>
          )}
        </section>
      ) : (
        <p>Add a treaty to record stances.</p>
      )}
      <section id="delivery" aria-labelledby="delivery-heading" className="space-y-3 rounded-lg border border-slate-200 bg-white p-5">
        <h2 id="delivery-heading" className="text-lg font-semibold">
          Letters to this office go to: {h.delivery.route.label}
        </h2>
        {h.delivery.route.detail && <p className="break-all text-muted">{h.delivery.route.detail}</p>}
        <p className="text-muted">
          The Senate’s CWC service when it is configured and on for the office, else the office address below, else the
          coalition inbox, else writers send their letter themselves.
        </p>
        {mayEditOffice ? (
          <div className="flex flex-wrap items-start gap-6">
            <div className="space-y-1">
              <h3 className="font-semibold">Office address</h3>
              <DeliveryEmailForm senatorId={h.senator.id} senatorName={h.senator.officialName} email={h.delivery.deliveryEmail} action={setDeliveryEmailAction} />
            </div>
            <div className="space-y-1">
              <h3 className="font-semibold">CWC office</h3>
              <CwcOfficeForm
                senatorId={h.senator.id}
                senatorName={h.senator.officialName}
                officeCode={h.delivery.cwcOfficeCode}
                enabled={h.delivery.cwcEnabled}
                action={setCwcOfficeAction}
              />
            </div>
          </div>
        ) : (
          <p>
            Office address: <span className="break-all">{h.delivery.deliveryEmail ?? '—'}</span>. CWC:{' '}
            {h.delivery.cwcEnabled ? (h.delivery.cwcOfficeCode ?? 'the office code from the roster') : 'off for this office'}.
          </p>
        )}
      </section>
      <DataTable
        caption="Stance history, newest first"
        columns={columns}
        rows={h.entries}
        rowKey={(e) => e.id}
        empty="No stance recorded yet."
      />
    </div>
  );
}

import type { Metadata } from 'next';
import { DataTable, type Column } from '@/components/dashboard/data-table/data-table';
import { formatDateTime } from '@/components/dashboard/data-table/format';
import { CallReviewForm } from '@/components/dashboard/senators/call-review-form';
import { BackLink } from '@/components/dashboard/shell/back-link';
import { can } from '@/lib/auth/permissions';
import { requireStaffPage } from '@/lib/auth/require-staff';
import { CALL_OUTCOME_LABELS, CALL_RESPONSE_LABELS } from '@/lib/calls/call-labels';
import { listPendingCallReports, type CallReportRow } from '@/lib/calls/list-call-reports';
import { reviewCallReportAction } from '../actions';

export const metadata: Metadata = { title: 'Call reports' };

/** Supporters' call reports waiting for review; a reviewer turns one into a stance or dismisses it. */
const NOTICES: Record<string, string> = {
  stance_recorded: 'Stance recorded from the call. It is in the senator’s stance history.',
  dismissed: 'Report dismissed.',
};

export default async function CallReportsPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const actor = await requireStaffPage('campaigns:view');
  const notice = NOTICES[String((await searchParams).reviewed ?? '')];
  const rows = await listPendingCallReports({ actor });
  const mayReview = can(actor.role, 'senators:edit');
  const columns: Column<CallReportRow>[] = [
    { key: 'senator', header: 'Senator', rowHeader: true, cell: (r) => `${r.senatorName} (${r.state})` },
    { key: 'campaign', header: 'Campaign', cell: (r) => r.campaignTitle },
    { key: 'outcome', header: 'The call', cell: (r) => CALL_OUTCOME_LABELS[r.outcome] },
    { key: 'response', header: 'What the office said', cell: (r) => CALL_RESPONSE_LABELS[r.response] },
    { key: 'at', header: 'Reported', cell: (r) => formatDateTime(r.createdAt) },
    ...(mayReview
      ? [
          {
            key: 'review',
            header: 'Review',
            cell: (r: CallReportRow) => (
              <CallReviewForm id={r.id} senatorName={r.senatorName} canRecord={r.response !== 'no_answer'} action={reviewCallReportAction} />
            ),
          },
        ]
      : []),
  ];
  return (
    <div className="space-y-6">
      <BackLink href="/dashboard/senators">Back to the whip board</BackLink>
      <div>
        <h1 className="text-2xl font-bold">Call reports to review</h1>
        <p className="mt-1 text-muted">
          What supporters heard when they called. Recording one sets the senator’s stance with the report as its source (it appears in their
          stance history).
        </p>
      </div>
      <div role="status">
        {notice && <p className="rounded-md border border-green-300 bg-green-50 p-3 text-sm font-medium text-green-900">{notice}</p>}
      </div>
      <DataTable caption={`Reports waiting: ${rows.length}`} columns={columns} rows={rows} rowKey={(r) => r.id} empty="No call reports waiting." />
    </div>
  );
}

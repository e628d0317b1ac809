import { DataTable } from '@/components/dashboard/data-table/data-table';
import { formatDateTime, humanize } from '@/components/dashboard/data-table/format';
import { InlineActionForm } from '@/components/dashboard/data-table/inline-action-form';
import type { ActionState } from '@/lib/forms/state';
import type { PersonDetail } from '@/lib/people/get-person';

type Moderate = (state: ActionState, formData: FormData) => Promise<ActionState>;

export function PersonSignatures({ person, canModerate, moderateAction }: { person: PersonDetail; canModerate: boolean; moderateAction: Moderate }) {
  return (
    <DataTable
      caption="Signatures"
      rows={person.signatures}
      rowKey={(s) => s.id}
      empty="No signatures."
      columns={[
        { key: 'campaign', header: 'Campaign', rowHeader: true, cell: (s) => s.campaignTitle },
        { key: 'signed', header: 'Signed', cell: (s) => formatDateTime(s.createdAt), className: 'whitespace-nowrap' },
        { key: 'signedAs', header: 'Signed as', cell: (s) => [s.signedAsName, s.zip].filter(Boolean).join(', ') || '—' },
        { key: 'state', header: 'State', cell: (s) => s.state ?? '—' },
        { key: 'source', header: 'Source', cell: (s) => s.source ?? '—' },
        { key: 'verified', header: 'Verified', cell: (s) => formatDateTime(s.verifiedAt) },
        { key: 'optedIn', header: 'Opted in', cell: (s) => (s.optedIn ? 'Yes' : 'No') },
        {
          key: 'comment',
          header: 'Comment',
          cell: (s) =>
            s.comment ? (
              <div className="max-w-sm space-y-2">
                <p className="whitespace-pre-line">{s.comment}</p>
                <p className="text-xs text-muted">Status: {s.commentStatus}</p>
                <div className="flex flex-wrap gap-2">
                  {canModerate && s.commentStatus !== 'approved' && (
                    <InlineActionForm
                      action={moderateAction}
                      fields={{ signatureId: s.id, decision: 'approve', returnTo: `/dashboard/people/${person.id}` }}
                      label="Approve"
                      accessibleLabel={`Approve comment on ${s.campaignTitle}`}
                    />
                  )}
                  {canModerate && s.commentStatus !== 'hidden' && (
                    <InlineActionForm
                      action={moderateAction}
                      fields={{ signatureId: s.id, decision: 'hide', returnTo: `/dashboard/people/${person.id}` }}
                      label="Hide"
                      accessibleLabel={`Hide comment on ${s.campaignTitle}`}
                      tone="danger"
                    />
                  )}
                </div>
              </div>
            ) : (
              '—'
            ),
        },
      ]}
    />
  );
}

export function PersonLetters({ person }: { person: PersonDetail }) {
  return (
    <DataTable
      caption="Letters"
      rows={person.letters}
      rowKey={(l) => l.id}
      empty="No letters."
      columns={[
        { key: 'senator', header: 'Senator', rowHeader: true, cell: (l) => `${l.senatorName} (${l.senatorState})` },
        { key: 'campaign', header: 'Campaign', cell: (l) => l.campaignTitle },
        { key: 'status', header: 'Status', cell: (l) => humanize(l.status) },
        { key: 'channel', header: 'Channel', cell: (l) => humanize(l.channel) },
        { key: 'written', header: 'Written', cell: (l) => formatDateTime(l.createdAt), className: 'whitespace-nowrap' },
        { key: 'sent', header: 'Sent', cell: (l) => formatDateTime(l.sentAt), className: 'whitespace-nowrap' },
        { key: 'failure', header: 'Failure reason', cell: (l) => l.failureReason ?? '—' },
      ]}
    />
  );
}

export function PersonEmails({ person }: { person: PersonDetail }) {
  return (
    <DataTable
      caption="Emails sent to this person"
      rows={person.emails}
      rowKey={(e) => e.id}
      empty={person.forgottenAt ? 'Forgotten: no address is kept, so no emails can be matched.' : 'No emails.'}
      columns={[
        { key: 'template', header: 'Email', rowHeader: true, cell: (e) => humanize(e.template.replaceAll('-', '_')) },
        { key: 'status', header: 'Status', cell: (e) => e.status },
        { key: 'attempts', header: 'Attempts', cell: (e) => e.attempts },
        { key: 'queued', header: 'Queued', cell: (e) => formatDateTime(e.createdAt), className: 'whitespace-nowrap' },
        { key: 'sent', header: 'Sent', cell: (e) => formatDateTime(e.sentAt), className: 'whitespace-nowrap' },
      ]}
    />
  );
}

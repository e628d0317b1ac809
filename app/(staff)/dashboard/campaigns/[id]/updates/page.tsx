import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { BackLink } from '@/components/dashboard/shell/back-link';
import { formatDateTime } from '@/components/dashboard/data-table/format';
import { InlineActionForm } from '@/components/dashboard/data-table/inline-action-form';
import { RefreshWhileSending } from '@/components/dashboard/updates/refresh-while-sending';
import { UpdateComposeForm, UpdateSendForm } from '@/components/dashboard/updates/update-compose-form';
import { requireStaffPage } from '@/lib/auth/require-staff';
import { renderEmail } from '@/lib/email/render';
import { env } from '@/lib/env';
import { isAppError } from '@/lib/errors';
import { listCampaignUpdates, type UpdateRow } from '@/lib/updates/list-updates';
import { cancelUpdateAction, createUpdateAction, sendTestUpdateAction, sendUpdateAction } from './actions';

export const metadata: Metadata = { title: 'Updates to supporters' };

type Props = { params: Promise<{ id: string }> };

const STATUS: Record<UpdateRow['status'], string> = {
  draft: 'Draft',
  scheduled: 'Scheduled',
  sending: 'Sending',
  sent: 'All queued',
  cancelled: 'Cancelled',
};

/** The email exactly as supporters will see it (a sample unsubscribe link), in a sandboxed frame. */
async function Preview({ u, coalition }: { u: UpdateRow; coalition: string }) {
  const r = await renderEmail('campaign-update', {
    firstName: 'Maya',
    subject: u.subject,
    bodyText: u.bodyMd,
    coalitionName: coalition,
    reason: 'You are receiving this because you signed this campaign and asked for updates.',
    unsubscribeUrl: `${env().APP_URL.replace(/\/$/, '')}/unsubscribe/preview`,
  });
  return <iframe title={`Preview of “${u.subject}”`} sandbox="" srcDoc={r.html} className="h-96 w-full rounded border border-slate-300 bg-white" />;
}

export default async function CampaignUpdatesPage({ params }: Props) {
  const actor = await requireStaffPage('updates:send');
  await connection();
  const { id } = await params;
  let data;
  try {
    data = await listCampaignUpdates({ actor, campaignId: id });
  } catch (e) {
    if (isAppError(e) && e.code === 'NOT_FOUND') notFound();
    throw e;
  }
  const coalition = data.campaign.coalitionName;
  return (
    <div className="space-y-8">
      <BackLink href={`/dashboard/campaigns/${id}`}>Back to the campaign</BackLink>
      <RefreshWhileSending active={data.updates.some((u) => u.status === 'sending' || (u.status === 'sent' && u.progress.queued > 0))} />
      <div>
        <h1 className="text-2xl font-bold">Updates: {data.campaign.title}</h1>
        <p className="mt-1 text-muted">
          Updates go to the {data.audience} supporters who signed this campaign, confirmed their address and asked for
          updates. Each message says why they get it and has a one-click unsubscribe link.
        </p>
      </div>
      <section aria-labelledby="new-update" className="space-y-3">
        <h2 id="new-update" className="text-xl font-semibold">
          Write an update
        </h2>
        <UpdateComposeForm campaignId={id} action={createUpdateAction} />
      </section>
      <section aria-labelledby="updates" className="space-y-4">
        <h2 id="updates" className="text-xl font-semibold">
          Updates
        </h2>
        {data.updates.length === 0 && <p>No updates yet.</p>}
        <ul className="space-y-6">
          {data.updates.map((u) => (
            <li key={u.id} className="space-y-3 rounded-lg border border-slate-200 bg-white p-5">
              <h3 className="text-lg font-semibold">{u.subject}</h3>
              <p>
                <span className="font-medium">{STATUS[u.status]}</span>
                {u.scheduledAt && u.status === 'scheduled' ? ` for ${formatDateTime(u.scheduledAt)}` : ''} · written {formatDateTime(u.createdAt)}
              </p>
              {u.status !== 'draft' && (
                <p role="status">
                  Audience {u.audienceCount ?? '—'} · queued {u.enqueuedCount} · sent {u.progress.sent} · waiting {u.progress.queued} · not sent{' '}
                  {u.progress.failed}
                </p>
              )}
              {u.status === 'draft' && (
                <>
                  <Preview u={u} coalition={coalition} />
                  <div className="flex flex-wrap items-start gap-4">
                    <InlineActionForm action={sendTestUpdateAction} fields={{ updateId: u.id }} label="Send a test to me" pendingLabel="Sending…" />
                  </div>
                  <UpdateSendForm updateId={u.id} audience={data.audience} action={sendUpdateAction} />
                </>
              )}
              {(u.status === 'scheduled' || u.status === 'sending') && (
                <InlineActionForm action={cancelUpdateAction} fields={{ updateId: u.id }} label="Cancel this update" pendingLabel="Cancelling…" tone="danger" />
              )}
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}

import type { Metadata } from 'next';
import { connection } from 'next/server';
import { Button } from '@/components/ui/button';
import { FormMessage } from '@/components/ui/form-message';
import { NoticePage } from '@/components/ui/notice-page';
import { isAppError } from '@/lib/errors';
import { RATE_LIMITED_MESSAGE } from '@/lib/security/public-limits';
import { getUnsubscribeRequest } from '@/lib/supporters/unsubscribe-supporter';
import { unsubscribeAction, withdrawConsentAction } from './actions';

export const metadata: Metadata = { title: 'Unsubscribe', robots: { index: false, follow: false } };

type Props = { params: Promise<{ token: string }>; searchParams: Promise<{ problem?: string; left?: string }> };

// Looking does not unsubscribe (link scanners open every URL in an email); the button does, with
// no sign-in and no JS. Mail clients' one-click unsubscribe posts to /api/unsubscribe/<token>.
export default async function UnsubscribePage({ params, searchParams }: Props) {
  await connection();
  const [{ token }, { problem, left }] = await Promise.all([params, searchParams]);
  let request;
  try {
    request = await getUnsubscribeRequest({ input: { token } });
  } catch (e) {
    if (!isAppError(e)) throw e;
    return (
      <NoticePage title="This unsubscribe link doesn’t work" tone="problem">
        <p>{e.message} You can also use the unsubscribe link in any newer email from us.</p>
      </NoticePage>
    );
  }

  if (request.alreadyUnsubscribed) {
    return (
      <NoticePage title="You’re unsubscribed" tone="success">
        <p>
          We won’t send campaign updates to {request.maskedEmail ?? 'this address'} any more. Your signatures still count.
        </p>
      </NoticePage>
    );
  }

  return (
    <NoticePage title="Unsubscribe from campaign emails">
      <p>
        Press the button to stop campaign updates to {request.maskedEmail ?? 'this address'}. Your signatures will still
        count.
      </p>
      <FormMessage>
        {problem === 'limited' ? RATE_LIMITED_MESSAGE : problem === 'link' ? 'That didn’t work. Please try again.' : undefined}
      </FormMessage>
      <div role="status">{left && <p className="font-medium text-green-900">Done: that organisation will not email you any more.</p>}</div>
      {request.organisations.length > 1 && (
        <ul className="space-y-2" aria-label="Organisations that email you">
          {request.organisations.map((o) => (
            <li key={o.id}>
              <form action={withdrawConsentAction.bind(null, token)} className="flex flex-wrap items-center gap-3">
                <input type="hidden" name="organisationId" value={o.id} />
                <span>{o.name}</span>
                <Button variant="secondary" pendingLabel="Unsubscribing…">
                  Unsubscribe from {o.name} only
                </Button>
              </form>
            </li>
          ))}
        </ul>
      )}
      <form action={unsubscribeAction.bind(null, token)}>
        <Button pendingLabel="Unsubscribing…" className="min-h-12 text-base">
          {request.organisations.length > 1 ? 'Unsubscribe from all' : 'Unsubscribe me'}
        </Button>
      </form>
    </NoticePage>
  );
}

import type { Metadata } from 'next';
import { connection } from 'next/server';
import { ConfirmLetters, type ConfirmLinkView } from '@/components/letter/confirm-letters';
import { isAppError } from '@/lib/errors';
import { findConfirmationCampaign, getLettersConfirmation } from '@/lib/letters/confirm-letters';
import { getCoalition } from '@/lib/organisations/get-coalition';
import { confirmLettersAction } from './actions';

export const metadata: Metadata = { title: 'Confirm your letters', robots: { index: false, follow: false } };

type Props = { params: Promise<{ token: string }> };

/**
 * Opening the link only looks; the button sends. Mail scanners (Outlook Safe Links and the like)
 * open every link in an email, and letters go to Senate offices in the supporter's name, so sending
 * must take a person's click. A used, expired or mangled link gets a friendly explanation. The
 * client part always renders: after a no-JS post the token is spent, yet the page must still show
 * the action's answer.
 */
export default async function ConfirmLettersPage({ params }: Props) {
  await connection();
  const { token } = await params;
  let view: ConfirmLinkView;
  try {
    const preview = await getLettersConfirmation({ input: { token } });
    view = { kind: 'ready', ...preview };
  } catch (e) {
    if (!isAppError(e)) throw e;
    view = { kind: e.code === 'TOKEN_EXPIRED' ? 'expired' : 'used', campaign: await findConfirmationCampaign(token) };
  }
  const coalition = await getCoalition();
  return <ConfirmLetters view={view} coalitionName={coalition.name} action={confirmLettersAction.bind(null, token)} />;
}

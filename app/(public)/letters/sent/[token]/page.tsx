import type { Metadata } from 'next';
import Link from 'next/link';
import { connection } from 'next/server';
import { Button } from '@/components/ui/button';
import { FormMessage } from '@/components/ui/form-message';
import { NoticePage } from '@/components/ui/notice-page';
import { isAppError } from '@/lib/errors';
import { getSelfSentLetter } from '@/lib/letters/mark-letter-self-sent';
import { markSelfSentAction } from './actions';

export const metadata: Metadata = { title: 'I sent my letter', robots: { index: false, follow: false } };

type Props = { params: Promise<{ token: string }>; searchParams: Promise<{ problem?: string }> };

// Opening the link only asks (mail scanners open every link); the button reports the letter sent.
export default async function SelfSentPage({ params, searchParams }: Props) {
  await connection();
  const [{ token }, { problem }] = await Promise.all([params, searchParams]);
  let letter;
  try {
    letter = await getSelfSentLetter({ input: { token } });
  } catch (e) {
    if (!isAppError(e)) throw e;
    return (
      <NoticePage title="This link doesn’t work" tone="problem">
        <p>{e.message}</p>
      </NoticePage>
    );
  }
  const back = (
    <p>
      <Link href={`/c/${letter.campaign.slug}`} className="text-brand-700 underline">
        Back to {letter.campaign.title}
      </Link>
    </p>
  );
  if (letter.sent) {
    return (
      <NoticePage title="Thank you: your letter is counted" tone="success">
        <p>Your letter to {letter.senatorName} counts in the campaign’s tally of letters sent.</p>
        {back}
      </NoticePage>
    );
  }
  if (!letter.canReport) {
    return (
      <NoticePage title="Nothing to report yet">
        <p>Your letter to {letter.senatorName} is on its way through us; there is nothing for you to send.</p>
        {back}
      </NoticePage>
    );
  }
  return (
    <NoticePage title={`Did you send your letter to ${letter.senatorName}?`}>
      <p>
        If you have sent it from your own email or the office’s contact form, press the button so the campaign counts it.
        Please only press it once you have really sent it.
      </p>
      <FormMessage>{problem === 'link' ? 'That didn’t work. Please try again.' : undefined}</FormMessage>
      <form action={markSelfSentAction.bind(null, token)}>
        <Button pendingLabel="Saving…" className="min-h-12 text-base">
          Yes, I sent it
        </Button>
      </form>
      {back}
    </NoticePage>
  );
}

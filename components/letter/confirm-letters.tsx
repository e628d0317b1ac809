'use client';

import Link from 'next/link';
import { useActionState, useEffect, useRef } from 'react';
import type { ConfirmLettersState } from '@/lib/forms/letter';
import { FormMessage } from '@/components/ui/form-message';
import { NoticePage } from '@/components/ui/notice-page';
import { DeliveryList } from './delivery-list';

const list = (names: string[]) => (names.length < 2 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`);

type Campaign = { slug: string; title: string };

/** What opening the link showed: ready to confirm, or why not. */
export type ConfirmLinkView =
  | { kind: 'ready'; campaign: Campaign; letters: { senatorName: string; subject: string; body: string }[] }
  | { kind: 'used' | 'expired'; campaign: Campaign | null };

type Props = {
  view: ConfirmLinkView;
  coalitionName: string;
  action: (state: ConfirmLettersState, formData: FormData) => Promise<ConfirmLettersState>;
};

/** "Confirm and send", then where each letter went. A plain form post without JS. */
export function ConfirmLetters({ view, coalitionName, action }: Props) {
  const [state, formAction, pending] = useActionState(action, { status: 'idle' } as ConfirmLettersState);
  const headingRef = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (state.status === 'done') headingRef.current?.focus();
  }, [state.status]);

  if (state.status === 'done') {
    return (
      <div className="max-w-3xl space-y-6">
        <div className="border-l-4 border-green-600 pl-5">
          <h1 ref={headingRef} tabIndex={-1} className="text-3xl font-bold">
            Thank you — your letters are confirmed
          </h1>
          <p className="mt-3 text-lg">
            Here is where each letter about{' '}
            <Link href={`/c/${state.campaign.slug}`} className="text-brand-700 underline">
              {state.campaign.title}
            </Link>{' '}
            went. We’ve emailed you a copy.
          </p>
        </div>
        <DeliveryList letters={state.letters} coalitionName={coalitionName} />
      </div>
    );
  }

  if (view.kind !== 'ready') return <LinkProblem expired={view.kind === 'expired'} campaign={view.campaign} />;
  const { campaign, letters } = view;
  const senatorNames = letters.map((l) => l.senatorName);
  const plural = senatorNames.length !== 1;
  if (letters.length === 0) {
    return (
      <NoticePage title="Nothing left to send from this link" tone="problem">
        <p>
          These letters about “{campaign.title}” were replaced by a newer request from the same address, or have already
          been sent. Nothing was sent from this link. Use the link in the newest email we sent you, or write again.
        </p>
        <p>
          <Link href={`/c/${campaign.slug}/write`} className="font-semibold text-brand-700 underline">
            Write your letters
          </Link>
        </p>
      </NoticePage>
    );
  }
  return (
    <div className="max-w-3xl space-y-5 border-l-4 border-brand-600 pl-5">
      <h1 className="text-3xl font-bold">Confirm and send your {plural ? 'letters' : 'letter'}</h1>
      <p className="text-lg">
        Your {plural ? 'letters' : 'letter'} to {list(senatorNames)} about “{campaign.title}” {plural ? 'are' : 'is'} ready. Read{' '}
        {plural ? 'them' : 'it'} below: {plural ? 'they go' : 'it goes'} to the {plural ? 'offices' : 'office'} in your name only when you
        confirm.
      </p>
      {letters.map((l) => (
        <article key={l.senatorName} aria-label={`Letter to ${l.senatorName}`} className="rounded-md border border-slate-300 bg-white p-4">
          <h2 className="text-lg font-semibold">To {l.senatorName}</h2>
          <p className="mt-1">
            <span className="font-medium">Subject:</span> {l.subject}
          </p>
          <p className="mt-3 whitespace-pre-wrap break-words">{l.body}</p>
        </article>
      ))}
      <FormMessage>
        {state.status === 'error' ? (
          <>
            {state.message}{' '}
            {state.code === 'expired' && (
              <Link href={`/c/${campaign.slug}/write`} className="underline">
                Write your letters again
              </Link>
            )}
          </>
        ) : undefined}
      </FormMessage>
      <form action={formAction}>
        <button
          type="submit"
          disabled={pending}
          className="min-h-12 rounded-md bg-brand-700 px-5 py-3 text-lg font-semibold text-white hover:bg-brand-800 disabled:opacity-70"
        >
          {pending ? 'Sending…' : `Confirm and send my ${plural ? 'letters' : 'letter'}`}
        </button>
      </form>
      <p className="text-sm text-muted">If you didn’t write {plural ? 'these letters' : 'this letter'}, close this page and nothing will be sent.</p>
    </div>
  );
}

function LinkProblem({ expired, campaign }: { expired: boolean; campaign: Campaign | null }) {
  return (
    <NoticePage title={expired ? 'This link has expired' : 'This link has already been used'} tone="problem">
      {expired ? (
        <p>
          Confirmation links work for 7 days, and nothing was sent. To send your letters, write them again and use the
          new link we email you.
        </p>
      ) : (
        <p>
          If you confirmed before, your letters have gone — your receipt email has a copy of each one and where it went.
          If the link looks cut short, copy the whole link from the email into your browser.
        </p>
      )}
      {campaign && (
        <p>
          <Link href={expired ? `/c/${campaign.slug}/write` : `/c/${campaign.slug}`} className="font-semibold text-brand-700 underline">
            {expired ? 'Write your letters again' : `Back to “${campaign.title}”`}
          </Link>
        </p>
      )}
    </NoticePage>
  );
}

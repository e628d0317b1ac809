import Link from 'next/link';
import type { SendLettersResult } from '@/lib/letters/types';
import { DeliveryList } from './delivery-list';

const list = (names: string[]) => (names.length < 2 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`);

/** What the supporter sees after sending: check your email, where each letter went, or a kind "already done". */
export function LetterResult({ result, slug, organisationName }: { result: SendLettersResult; slug: string; organisationName: string }) {
  const back = (
    <p>
      <Link href={`/c/${slug}`} className="font-semibold text-brand-700 underline">
        Back to the campaign
      </Link>
    </p>
  );
  if (result.kind === 'already_written') {
    return (
      <div className="space-y-3 rounded-lg border-l-4 border-brand-600 bg-white p-5" role="status">
        <h2 className="text-xl font-semibold">You’ve already written to {list(result.senatorNames)} for this campaign</h2>
        <p>Thank you — one letter per senator is what counts, so there is nothing more to send. Your receipt email has a copy of what you wrote.</p>
        {back}
      </div>
    );
  }
  if (result.kind === 'confirm_email') {
    // The same answer whatever the address's history: a stranger typing someone's address learns nothing.
    return (
      <div className="space-y-3 rounded-lg border-l-4 border-green-600 bg-white p-5" role="status">
        <h2 className="text-xl font-semibold">Check your email to confirm</h2>
        <p>
          We’ve sent an email to <strong>{result.email}</strong>. Your {result.senatorNames.length > 1 ? 'letters' : 'letter'} to{' '}
          {list(result.senatorNames)} will go only when you open it and confirm: nothing is sent in your name without your click.
        </p>
        <p className="text-sm text-muted">No email? Check your spam folder. The link works for 7 days. Once you have confirmed, this browser remembers you for 30 days.</p>
      </div>
    );
  }
  const earlier = result.alreadyWrittenNames.length > 0 && (
    <p>You had already written to {list(result.alreadyWrittenNames)}, so we didn’t write again.</p>
  );
  return (
    <div className="space-y-4">
      <div className="rounded-lg border-l-4 border-green-600 bg-white p-5" role="status">
        <h2 className="text-xl font-semibold">Thank you — here is where your letters went</h2>
        <p className="mt-2">We’ve emailed you a copy of each letter.</p>
        {earlier}
      </div>
      <DeliveryList letters={result.letters} coalitionName={organisationName} headingLevel={3} />
      {back}
    </div>
  );
}

import type { LetterDelivery } from '@/lib/letters/types';
import { CopyBox } from './copy-box';

const linkClass = 'inline-flex min-h-11 items-center rounded-md border border-brand-700 px-4 py-2 font-semibold text-brand-700 hover:bg-brand-50';

function Status({ letter, coalitionName }: { letter: LetterDelivery; coalitionName: string }) {
  const who = letter.senatorName;
  switch (letter.status) {
    case 'pending_confirmation':
      return <p>Waiting for you to confirm your email address.</p>;
    case 'queued':
    case 'sent': {
      // Honest about where it is: queued until the office's system (or the mail provider) takes it.
      const verb = letter.status === 'queued' ? 'Queued for delivery' : 'Delivered';
      const later = letter.status === 'queued' ? ' We will email you if it cannot be delivered.' : '';
      if (letter.channel === 'coalition_inbox') {
        return <p>{verb} to {coalitionName}, who will hand it to {who}’s office.{later}</p>;
      }
      if (letter.channel === 'cwc') {
        return <p>{verb} to {who}’s office through the Senate’s official Communicating with Congress service.{later}</p>;
      }
      return <p>{verb} to {who}’s office by email.{later}</p>;
    }
    case 'failed':
      return <p>We could not deliver your letter to {who}’s office. Please send it yourself — it takes a minute:</p>;
    case 'self_send':
      return <p>{who}’s office takes messages from constituents directly. Please send it yourself — it takes a minute:</p>;
  }
}

function SelfSend({ letter }: { letter: LetterDelivery }) {
  const s = letter.selfSend;
  if (!s) return null;
  const newTab = <span className="sr-only"> (opens in a new tab)</span>;
  return (
    <div className="space-y-3">
      <ul className="flex flex-wrap gap-2">
        {s.contactForm && (
          <li>
            <a href={s.contactForm} target="_blank" rel="noopener noreferrer" className={linkClass}>
              Open {letter.senatorName}’s contact form{newTab}
            </a>
          </li>
        )}
        <li>
          <a href={s.mailto} className={linkClass}>
            Open in your email app
          </a>
        </li>
        <li>
          <a href={s.gmail} target="_blank" rel="noopener noreferrer" className={linkClass}>
            Open in Gmail{newTab}
          </a>
        </li>
        <li>
          <a href={s.outlook} target="_blank" rel="noopener noreferrer" className={linkClass}>
            Open in Outlook{newTab}
          </a>
        </li>
      </ul>
      <p className="text-sm text-muted">
        {s.contactForm ? 'On the contact form, paste the letter below. ' : ''}
        {!s.mailtoHasBody || !s.webHasBody ? 'Your letter is too long to fill in automatically everywhere: paste it from the box below. ' : ''}
        Email links open with the subject and letter filled in; add the office’s address from their website.
      </p>
      <CopyBox label={`Your letter to ${letter.senatorName}`} text={`Subject: ${letter.subject}\n\n${letter.body}`} />
      {letter.sentItPath && (
        <p>
          {/* A plain link to a page with a button: works without JS, and a scanner opening it changes nothing. */}
          <a href={letter.sentItPath} className={linkClass}>
            I sent my letter to {letter.senatorName}
          </a>
        </p>
      )}
    </div>
  );
}

/** Each letter, where it went (or how to send it), and its exact text. All text renders inert. */
export function DeliveryList({ letters, coalitionName, headingLevel = 2 }: { letters: LetterDelivery[]; coalitionName: string; headingLevel?: 2 | 3 }) {
  const H = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <ul className="space-y-6">
      {letters.map((l) => (
        <li key={l.letterId} className="space-y-3 rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
          <H className="text-lg font-semibold">To {l.senatorName}</H>
          <Status letter={l} coalitionName={coalitionName} />
          <SelfSend letter={l} />
          {!l.selfSend && (
            <details>
              <summary className="cursor-pointer font-medium text-brand-700">Read the letter</summary>
              <p className="mt-2 font-semibold">Subject: {l.subject}</p>
              <div className="mt-2 whitespace-pre-wrap break-words">{l.body}</div>
            </details>
          )}
        </li>
      ))}
    </ul>
  );
}

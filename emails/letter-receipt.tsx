import { Button, Heading, Hr, Link, Section, Text } from '@react-email/components';
import { z } from 'zod';
import { EmailLayout, Paragraphs, buttonStyle, headingStyle, mutedStyle, textStyle } from './components/layout';
import { LETTER_CHANNELS } from '@/db/schema/enum-values';
import { longText, mailtoUrl, requiredLine, singleLine, webUrl } from './fields';

const ReceiptLetter = z.object({
  senatorName: requiredLine(200),
  channel: z.enum(LETTER_CHANNELS),
  deliveredTo: singleLine(254).nullish(),
  subject: requiredLine(200),
  body: longText(20_000),
  selfSend: z
    .object({
      mailto: mailtoUrl.optional(),
      gmail: webUrl.optional(),
      outlook: webUrl.optional(),
      contactForm: webUrl.optional(),
      /** "I sent it": the writer reports the letter sent, so the campaign counts it. */
      sentIt: webUrl.optional(),
    })
    .optional(),
});

export const LetterReceiptProps = z.object({
  firstName: singleLine(100),
  campaignTitle: requiredLine(200),
  letters: z.array(ReceiptLetter).min(1).max(3),
  coalitionName: requiredLine(200),
  unsubscribeUrl: webUrl,
});
export type LetterReceiptProps = z.output<typeof LetterReceiptProps>;
type ReceiptLetter = z.output<typeof ReceiptLetter>;

export const letterReceiptSubject = (p: LetterReceiptProps) => `Your letters to the Senate: ${p.campaignTitle}`;

const linkStyle = { color: '#1e3a8a', textDecoration: 'underline' };

function Delivery({ letter, coalitionName }: { letter: ReceiptLetter; coalitionName: string }) {
  // "Queued", not "sent": the receipt goes out before the office's system has taken the letter, and we
  // write again if it finally does not.
  if (letter.channel === 'cwc') {
    return (
      <Text style={mutedStyle}>
        Queued for delivery to the office of {letter.senatorName} through the Senate’s official Communicating with
        Congress service. If the office’s system refuses it, we will email you.
      </Text>
    );
  }
  if (letter.channel === 'office_email') {
    return (
      <Text style={mutedStyle}>
        Queued for delivery by email to the office of {letter.senatorName}
        {letter.deliveredTo ? ` (${letter.deliveredTo})` : ''}. If it cannot be delivered, we will email you.
      </Text>
    );
  }
  if (letter.channel === 'coalition_inbox') {
    return (
      <Text style={mutedStyle}>
        Delivered to {coalitionName}, who will hand it to the office of {letter.senatorName}
        {letter.deliveredTo ? ` (${letter.deliveredTo})` : ''}.
      </Text>
    );
  }
  const s = letter.selfSend ?? {};
  return (
    <>
      <Text style={mutedStyle}>
        This office only accepts messages sent by constituents themselves. Please send it from your own
        account — it takes a minute:
      </Text>
      {s.contactForm ? (
        <Button href={s.contactForm} style={{ ...buttonStyle, marginBottom: '12px' }}>
          Open {letter.senatorName}’s contact form
        </Button>
      ) : null}
      <Text style={mutedStyle}>
        {s.mailto ? (
          <Link href={s.mailto} style={linkStyle}>
            Open in your email app
          </Link>
        ) : null}
        {s.mailto && (s.gmail || s.outlook) ? ' · ' : null}
        {s.gmail ? (
          <Link href={s.gmail} style={linkStyle}>
            Open in Gmail
          </Link>
        ) : null}
        {s.gmail && s.outlook ? ' · ' : null}
        {s.outlook ? (
          <Link href={s.outlook} style={linkStyle}>
            Open in Outlook
          </Link>
        ) : null}
      </Text>
      {s.sentIt ? (
        <Text style={mutedStyle}>
          Sent it?{' '}
          <Link href={s.sentIt} style={linkStyle}>
            Tell us you sent your letter to {letter.senatorName}
          </Link>{' '}
          so the campaign counts it.
        </Text>
      ) : null}
    </>
  );
}

export default function LetterReceipt(p: LetterReceiptProps) {
  return (
    <EmailLayout
      preview={`A copy of what you sent about ${p.campaignTitle}`}
      coalitionName={p.coalitionName}
      unsubscribeUrl={p.unsubscribeUrl}
      reason="You are receiving this because you wrote to your senators."
    >
      <Heading as="h1" style={headingStyle}>
        Thank you for writing to the Senate
      </Heading>
      <Text style={textStyle}>Hi {p.firstName || 'there'},</Text>
      <Text style={textStyle}>Here is a copy of each letter about “{p.campaignTitle}” and where it went.</Text>
      {p.letters.map((letter, i) => (
        <Section key={i}>
          <Hr style={{ borderColor: '#e5e7eb', margin: '16px 0' }} />
          <Heading as="h2" style={{ ...headingStyle, fontSize: '18px', lineHeight: '26px' }}>
            To {letter.senatorName}
          </Heading>
          <Delivery letter={letter} coalitionName={p.coalitionName} />
          <Text style={{ ...textStyle, fontWeight: 600 }}>Subject: {letter.subject}</Text>
          <Paragraphs text={letter.body} />
        </Section>
      ))}
    </EmailLayout>
  );
}

LetterReceipt.PreviewProps = {
  firstName: 'Maya',
  campaignTitle: 'Ratify the Convention on the Rights of the Child',
  coalitionName: 'Child Rights Coalition',
  unsubscribeUrl: 'http://localhost:3000/unsubscribe/abc123',
  letters: [
    {
      senatorName: 'Sen. Alex Padilla',
      channel: 'office_email',
      deliveredTo: 'correspondence@padilla.senate.gov',
      subject: 'Please support ratification of the CRC',
      body: 'Dear Senator Padilla,\n\nPlease support ratification.\n\nThank you.',
    },
    {
      senatorName: 'Sen. Adam Schiff',
      channel: 'supporter',
      subject: 'Please support ratification of the CRC',
      body: 'Dear Senator Schiff,\n\nPlease support ratification.\n\nThank you.',
      selfSend: {
        mailto: 'mailto:?subject=Please%20support%20ratification',
        contactForm: 'https://www.schiff.senate.gov/contact/',
      },
    },
  ],
} satisfies LetterReceiptProps;

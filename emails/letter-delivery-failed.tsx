import { Button, Heading, Link, Text } from '@react-email/components';
import { z } from 'zod';
import { EmailLayout, Paragraphs, buttonStyle, headingStyle, mutedStyle, textStyle } from './components/layout';
import { longText, mailtoUrl, requiredLine, singleLine, webUrl } from './fields';

export const LetterDeliveryFailedProps = z.object({
  firstName: singleLine(100),
  senatorName: requiredLine(200),
  campaignTitle: requiredLine(200),
  coalitionName: requiredLine(200),
  subject: requiredLine(200),
  body: longText(20_000),
  selfSend: z.object({ mailto: mailtoUrl.optional(), gmail: webUrl.optional(), contactForm: webUrl.optional() }),
  unsubscribeUrl: webUrl,
});
export type LetterDeliveryFailedProps = z.output<typeof LetterDeliveryFailedProps>;

export const letterDeliveryFailedSubject = (p: LetterDeliveryFailedProps) => `Your letter to ${p.senatorName} could not be delivered`;

const linkStyle = { color: '#1e3a8a', textDecoration: 'underline' };

/** Delivery to the office finally failed (refused, bounced, or out of retries): the writer can still send it. */
export default function LetterDeliveryFailed(p: LetterDeliveryFailedProps) {
  return (
    <EmailLayout
      preview={`We could not deliver your letter to ${p.senatorName}. You can still send it yourself.`}
      coalitionName={p.coalitionName}
      unsubscribeUrl={p.unsubscribeUrl}
      reason={`You are receiving this because you wrote to ${p.senatorName} through ${p.coalitionName}.`}
    >
      <Heading as="h1" style={headingStyle}>
        Your letter was not delivered
      </Heading>
      <Text style={textStyle}>Hi {p.firstName || 'there'},</Text>
      <Text style={textStyle}>
        We tried to deliver your letter about “{p.campaignTitle}” to the office of {p.senatorName}, and it failed. Your
        letter still counts with us; it would count far more in the office’s own inbox. Please send it yourself:
      </Text>
      {p.selfSend.contactForm ? (
        <Button href={p.selfSend.contactForm} style={{ ...buttonStyle, marginBottom: '12px' }}>
          Open {p.senatorName}’s contact form
        </Button>
      ) : null}
      <Text style={mutedStyle}>
        {p.selfSend.mailto ? (
          <Link href={p.selfSend.mailto} style={linkStyle}>
            Open in your email app
          </Link>
        ) : null}
        {p.selfSend.mailto && p.selfSend.gmail ? ' · ' : null}
        {p.selfSend.gmail ? (
          <Link href={p.selfSend.gmail} style={linkStyle}>
            Open in Gmail
          </Link>
        ) : null}
      </Text>
      <Heading as="h2" style={{ ...headingStyle, fontSize: '18px' }}>
        {p.subject}
      </Heading>
      <Paragraphs text={p.body} />
    </EmailLayout>
  );
}

LetterDeliveryFailed.PreviewProps = {
  firstName: 'Ada',
  senatorName: 'Senator Jane Doe',
  campaignTitle: 'Ratify the protocol',
  coalitionName: 'Child Rights Coalition',
  subject: 'Please support ratification',
  body: 'Dear Senator Doe,\n\nPlease support ratification.\n\nAda',
  selfSend: { contactForm: 'https://www.doe.senate.gov/contact' },
  unsubscribeUrl: 'http://localhost:3000/unsubscribe/abc123',
} satisfies LetterDeliveryFailedProps;

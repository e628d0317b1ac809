import { Text } from '@react-email/components';
import { z } from 'zod';
import { EmailLayout, Paragraphs, mutedStyle } from './components/layout';
import { emailAddress, longText, requiredLine, singleLine } from './fields';

export const LetterToSenatorProps = z.object({
  subject: requiredLine(200),
  body: longText(20_000),
  supporterName: requiredLine(200),
  supporterEmail: emailAddress,
  supporterCity: singleLine(100).optional(),
  supporterState: z.string().regex(/^[A-Z]{2}$/, 'must be a two-letter state code'),
  senatorName: requiredLine(200),
  campaignTitle: requiredLine(200),
  coalitionName: requiredLine(200),
  /** When set, the drainer marks this letter sent (or failed) with the email. */
  letterId: z.uuid().optional(),
});
export type LetterToSenatorProps = z.output<typeof LetterToSenatorProps>;

export const letterToSenatorSubject = (p: LetterToSenatorProps) => p.subject;

export default function LetterToSenator(p: LetterToSenatorProps) {
  const place = [p.supporterCity, p.supporterState].filter(Boolean).join(', ');
  return (
    <EmailLayout
      preview={`A letter from ${p.supporterName}, a constituent in ${place}`}
      coalitionName={p.coalitionName}
      reason={`Sent on behalf of a constituent via ${p.coalitionName}, as part of “${p.campaignTitle}”. Replies go to the constituent.`}
    >
      <Paragraphs text={p.body} />
      {/* The letter body signs itself; this block is the office's contact record for the constituent. */}
      <Text style={{ ...mutedStyle, marginTop: '24px' }}>
        Constituent: {p.supporterName}, {place}
        <br />
        Reply to: {p.supporterEmail}
      </Text>
      <Text style={mutedStyle}>
        This letter was written and confirmed by a constituent of {p.senatorName} and sent on their behalf via{' '}
        {p.coalitionName}.
      </Text>
    </EmailLayout>
  );
}

LetterToSenator.PreviewProps = {
  subject: 'Please support ratification of the CRC',
  body: 'Dear Senator Padilla,\n\nI am writing as your constituent to ask you to support ratification.\nEvery other UN member state has ratified it.\n\nThank you for your time.',
  supporterName: 'Maya Lopez',
  supporterEmail: 'maya@example.org',
  supporterCity: 'Oakland',
  supporterState: 'CA',
  senatorName: 'Sen. Alex Padilla',
  campaignTitle: 'Ratify the Convention on the Rights of the Child',
  coalitionName: 'Child Rights Coalition',
} satisfies LetterToSenatorProps;

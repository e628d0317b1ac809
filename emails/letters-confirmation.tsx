import { Button, Heading, Text } from '@react-email/components';
import { z } from 'zod';
import { EmailLayout, buttonStyle, headingStyle, mutedStyle, textStyle } from './components/layout';
import { requiredLine, singleLine, webUrl } from './fields';

export const LettersConfirmationProps = z.object({
  firstName: singleLine(100),
  campaignTitle: requiredLine(200),
  confirmUrl: webUrl,
  senators: z.array(z.object({ name: requiredLine(200) })).min(1).max(3),
  coalitionName: requiredLine(200),
  unsubscribeUrl: webUrl,
});
export type LettersConfirmationProps = z.output<typeof LettersConfirmationProps>;

export const lettersConfirmationSubject = (p: LettersConfirmationProps) =>
  `Confirm your ${p.senators.length === 1 ? 'letter' : 'letters'}: ${p.campaignTitle}`;

function listNames(names: string[]): string {
  if (names.length <= 1) return names.join('');
  return `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

export default function LettersConfirmation(p: LettersConfirmationProps) {
  const names = listNames(p.senators.map((s) => s.name));
  const plural = p.senators.length > 1;
  return (
    <EmailLayout
      preview={`Confirm your email so your ${plural ? 'letters go' : 'letter goes'} to ${names}`}
      coalitionName={p.coalitionName}
      unsubscribeUrl={p.unsubscribeUrl}
      reason="You are receiving this because this address was used to write to senators."
    >
      <Heading as="h1" style={headingStyle}>
        Confirm your {plural ? 'letters' : 'letter'}
      </Heading>
      <Text style={textStyle}>Hi {p.firstName || 'there'},</Text>
      <Text style={textStyle}>
        Your {plural ? 'letters' : 'letter'} about “{p.campaignTitle}” to {names}{' '}
        {plural ? 'are' : 'is'} ready. Senate offices only count letters from real constituents, so we send
        nothing until you confirm this is your email address.
      </Text>
      <Button href={p.confirmUrl} style={buttonStyle}>
        Confirm and send
      </Button>
      <Text style={{ ...mutedStyle, marginTop: '16px' }}>
        Or paste this link into your browser: {p.confirmUrl}
      </Text>
      <Text style={mutedStyle}>If you didn’t write these letters, ignore this email and nothing will be sent.</Text>
    </EmailLayout>
  );
}

LettersConfirmation.PreviewProps = {
  firstName: 'Maya',
  campaignTitle: 'Ratify the Convention on the Rights of the Child',
  confirmUrl: 'http://localhost:3000/confirm/letters/abc123',
  senators: [{ name: 'Sen. Alex Padilla' }, { name: 'Sen. Adam Schiff' }],
  coalitionName: 'Child Rights Coalition',
  unsubscribeUrl: 'http://localhost:3000/unsubscribe/abc123',
} satisfies LettersConfirmationProps;

import { Button, Heading, Text } from '@react-email/components';
import { z } from 'zod';
import { EmailLayout, buttonStyle, headingStyle, textStyle } from './components/layout';
import { requiredLine, singleLine, webUrl } from './fields';

export const LettersAlreadyWrittenProps = z.object({
  firstName: singleLine(100),
  campaignTitle: requiredLine(200),
  senators: z.array(z.object({ name: requiredLine(200) })).min(1).max(3),
  campaignUrl: webUrl,
  coalitionName: requiredLine(200),
  unsubscribeUrl: webUrl,
});
export type LettersAlreadyWrittenProps = z.output<typeof LettersAlreadyWrittenProps>;

export const lettersAlreadyWrittenSubject = (p: LettersAlreadyWrittenProps) => `You have already written: ${p.campaignTitle}`;

const listNames = (names: string[]) => (names.length <= 1 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`);

/** Someone used this address to write again, and every letter had already gone: nothing new was sent. */
export default function LettersAlreadyWritten(p: LettersAlreadyWrittenProps) {
  const names = listNames(p.senators.map((s) => s.name));
  return (
    <EmailLayout
      preview={`Your letters to ${names} were already sent; nothing new went out.`}
      coalitionName={p.coalitionName}
      unsubscribeUrl={p.unsubscribeUrl}
      reason="You are receiving this because this address was used to write to senators."
    >
      <Heading as="h1" style={headingStyle}>
        Your letters were already sent
      </Heading>
      <Text style={textStyle}>Hi {p.firstName || 'there'},</Text>
      <Text style={textStyle}>
        Someone — most likely you — asked to write to {names} about “{p.campaignTitle}” with this email address.
        Your letters to {p.senators.length > 1 ? 'them' : 'this office'} were already confirmed and sent, and each
        office counts one letter per constituent, so nothing new went out.
      </Text>
      <Text style={textStyle}>If this was not you, there is nothing to do: no letter is ever sent in your name without your click.</Text>
      <Button href={p.campaignUrl} style={buttonStyle}>
        Back to the campaign
      </Button>
    </EmailLayout>
  );
}

LettersAlreadyWritten.PreviewProps = {
  firstName: 'Alex',
  campaignTitle: 'Ask the Senate to ratify the protocol against the sale of children',
  senators: [{ name: 'Senator Jane Doe' }, { name: 'Senator John Roe' }],
  campaignUrl: 'http://localhost:3000/c/protect-children-protocol',
  coalitionName: "Children's Protocol Coalition",
  unsubscribeUrl: 'http://localhost:3000/unsubscribe/abc123',
} satisfies LettersAlreadyWrittenProps;

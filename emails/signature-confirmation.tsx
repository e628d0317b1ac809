import { Button, Heading, Text } from '@react-email/components';
import { z } from 'zod';
import { EmailLayout, buttonStyle, headingStyle, mutedStyle, textStyle } from './components/layout';
import { requiredLine, singleLine, webUrl } from './fields';

export const SignatureConfirmationProps = z.object({
  firstName: singleLine(100),
  campaignTitle: requiredLine(200),
  confirmUrl: webUrl,
  unsubscribeUrl: webUrl,
  coalitionName: requiredLine(200),
});
export type SignatureConfirmationProps = z.output<typeof SignatureConfirmationProps>;

export const signatureConfirmationSubject = (p: SignatureConfirmationProps) =>
  `Confirm your signature: ${p.campaignTitle}`;

export default function SignatureConfirmation(p: SignatureConfirmationProps) {
  return (
    <EmailLayout
      preview={`One click to confirm your signature on ${p.campaignTitle}`}
      coalitionName={p.coalitionName}
      unsubscribeUrl={p.unsubscribeUrl}
      reason="You are receiving this because this address was used to sign a petition."
    >
      <Heading as="h1" style={headingStyle}>
        Please confirm your signature
      </Heading>
      <Text style={textStyle}>Hi {p.firstName || 'there'},</Text>
      <Text style={textStyle}>
        Thank you for signing “{p.campaignTitle}”. Your signature is already counted; confirming this is your
        email address marks it as verified, which gives it more weight when we deliver the petition.
      </Text>
      <Button href={p.confirmUrl} style={buttonStyle}>
        Confirm my signature
      </Button>
      <Text style={{ ...mutedStyle, marginTop: '16px' }}>
        Or paste this link into your browser: {p.confirmUrl}
      </Text>
      <Text style={mutedStyle}>If you didn’t sign, ignore this email: an unconfirmed signature is never delivered as verified, and you won’t hear from us again about it.</Text>
    </EmailLayout>
  );
}

SignatureConfirmation.PreviewProps = {
  firstName: 'Maya',
  campaignTitle: 'Ratify the Convention on the Rights of the Child',
  confirmUrl: 'http://localhost:3000/confirm/abc123',
  unsubscribeUrl: 'http://localhost:3000/unsubscribe/abc123',
  coalitionName: 'Child Rights Coalition',
} satisfies SignatureConfirmationProps;

import { Button, Heading, Text } from '@react-email/components';
import { z } from 'zod';
import { EmailLayout, buttonStyle, headingStyle, mutedStyle, textStyle } from './components/layout';
import { requiredLine, webUrl } from './fields';

export const StaffSignInProps = z.object({
  url: webUrl,
  host: requiredLine(253),
  expiresMinutes: z.number().int().positive().max(7 * 24 * 60),
});
export type StaffSignInProps = z.output<typeof StaffSignInProps>;

export const staffSignInSubject = (p: StaffSignInProps) => `Sign in to ${p.host}`;

export default function StaffSignIn(p: StaffSignInProps) {
  return (
    <EmailLayout preview={`Your sign-in link for ${p.host}`} coalitionName="Ratify">
      <Heading as="h1" style={headingStyle}>
        Sign in to {p.host}
      </Heading>
      <Text style={textStyle}>Use this button to sign in. The link works once and expires in {p.expiresMinutes} minutes.</Text>
      <Button href={p.url} style={buttonStyle}>
        Sign in
      </Button>
      <Text style={{ ...mutedStyle, marginTop: '16px' }}>Or paste this link into your browser: {p.url}</Text>
      <Text style={mutedStyle}>If you didn’t ask to sign in, you can ignore this email.</Text>
    </EmailLayout>
  );
}

StaffSignIn.PreviewProps = {
  url: 'http://localhost:3000/api/auth/callback/email?token=abc123',
  host: 'localhost:3000',
  expiresMinutes: 15,
} satisfies StaffSignInProps;

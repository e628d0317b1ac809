import { Button, Heading, Text } from '@react-email/components';
import { z } from 'zod';
import { EmailLayout, buttonStyle, headingStyle, mutedStyle, textStyle } from './components/layout';
import { requiredLine, webUrl } from './fields';

export const StaffInviteProps = z.object({
  inviterName: requiredLine(200),
  role: z.enum(['owner', 'admin', 'editor', 'analyst', 'viewer', 'partner']),
  signInUrl: webUrl,
  coalitionName: requiredLine(200),
});
export type StaffInviteProps = z.output<typeof StaffInviteProps>;

export const staffInviteSubject = (p: StaffInviteProps) => `${p.inviterName} invited you to ${p.coalitionName}`;

export default function StaffInvite(p: StaffInviteProps) {
  return (
    <EmailLayout preview={`You have been invited as ${p.role}`} coalitionName={p.coalitionName}>
      <Heading as="h1" style={headingStyle}>
        You’re invited to {p.coalitionName}
      </Heading>
      <Text style={textStyle}>
        {p.inviterName} invited you to help run campaigns for {p.coalitionName} as {/^[aeiou]/.test(p.role) ? 'an' : 'a'} {p.role}.
      </Text>
      <Button href={p.signInUrl} style={buttonStyle}>
        Sign in to accept
      </Button>
      <Text style={{ ...mutedStyle, marginTop: '16px' }}>Sign in with this email address; no password is needed.</Text>
    </EmailLayout>
  );
}

StaffInvite.PreviewProps = {
  inviterName: 'Sam Rivera',
  role: 'editor',
  signInUrl: 'http://localhost:3000/sign-in',
  coalitionName: 'Child Rights Coalition',
} satisfies StaffInviteProps;

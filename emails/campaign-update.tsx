import { Heading, Text } from '@react-email/components';
import { z } from 'zod';
import { EmailLayout, headingStyle, textStyle } from './components/layout';
import { Markdown } from './components/markdown';
import { longText, requiredLine, singleLine, webUrl } from './fields';

export const CampaignUpdateProps = z.object({
  firstName: singleLine(100),
  subject: requiredLine(200),
  /** Markdown, written by staff. */
  bodyText: longText(50_000),
  unsubscribeUrl: webUrl,
  coalitionName: requiredLine(200),
  /** Why this person gets it, e.g. "you signed … and asked for updates". */
  reason: singleLine(300).optional(),
});
export type CampaignUpdateProps = z.output<typeof CampaignUpdateProps>;

export const campaignUpdateSubject = (p: CampaignUpdateProps) => p.subject;

export default function CampaignUpdate(p: CampaignUpdateProps) {
  return (
    <EmailLayout
      preview={p.subject}
      coalitionName={p.coalitionName}
      unsubscribeUrl={p.unsubscribeUrl}
      reason={p.reason || `You are receiving this because you asked ${p.coalitionName} for campaign updates.`}
    >
      <Heading as="h1" style={headingStyle}>
        {p.subject}
      </Heading>
      <Text style={textStyle}>Hi {p.firstName || 'there'},</Text>
      <Markdown source={p.bodyText} />
    </EmailLayout>
  );
}

CampaignUpdate.PreviewProps = {
  firstName: 'Maya',
  subject: 'The committee has scheduled a hearing',
  bodyText: 'Good news: the Foreign Relations Committee will hold a hearing next month.\n\nThank you for writing.',
  unsubscribeUrl: 'http://localhost:3000/unsubscribe/abc123',
  coalitionName: 'Child Rights Coalition',
} satisfies CampaignUpdateProps;

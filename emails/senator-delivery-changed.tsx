import { Button, Heading, Text } from '@react-email/components';
import { z } from 'zod';
import { EmailLayout, buttonStyle, headingStyle, mutedStyle, textStyle } from './components/layout';
import { emailAddress, requiredLine, webUrl } from './fields';

export const SenatorDeliveryChangedProps = z.object({
  senatorName: requiredLine(200),
  state: requiredLine(2),
  oldAddress: emailAddress.nullable(),
  newAddress: emailAddress.nullable(),
  changedBy: requiredLine(254),
  /** ISO timestamp of the change. */
  changedAt: z.iso.datetime({ offset: true }),
  senatorsUrl: webUrl,
  coalitionName: requiredLine(200),
});
export type SenatorDeliveryChangedProps = z.output<typeof SenatorDeliveryChangedProps>;

export const senatorDeliveryChangedSubject = (p: SenatorDeliveryChangedProps) =>
  `Letters to ${p.senatorName} (${p.state}) now go to a different address`;

const when = (iso: string) => `${iso.slice(0, 16).replace('T', ' at ')} UTC`;

export default function SenatorDeliveryChanged(p: SenatorDeliveryChangedProps) {
  const now = p.newAddress ?? 'no address: supporters will be asked to send their letters themselves';
  return (
    <EmailLayout
      preview={`${p.changedBy} changed where letters to ${p.senatorName} go`}
      coalitionName={p.coalitionName}
      reason="You are getting this because you are an owner of this coalition's Ratify account."
    >
      <Heading as="h1" style={headingStyle}>
        Letters to {p.senatorName} ({p.state}) now go somewhere else
      </Heading>
      <Text style={textStyle}>
        {p.changedBy} changed the delivery address for this senator’s office on {when(p.changedAt)}.
      </Text>
      <Text style={textStyle}>
        Before: {p.oldAddress ?? 'no address (supporters sent their letters themselves)'}
        <br />
        Now: {now}
      </Text>
      <Text style={textStyle}>
        Supporters’ letters to this office — with their names, street addresses and email addresses — are sent
        to this address. If you did not expect this change, check it on the Senators page and change it back.
      </Text>
      <Button href={p.senatorsUrl} style={buttonStyle}>
        Open the Senators page
      </Button>
      <Text style={{ ...mutedStyle, marginTop: '16px' }}>Every change is also in the audit trail.</Text>
    </EmailLayout>
  );
}

SenatorDeliveryChanged.PreviewProps = {
  senatorName: 'Tammy Duckworth',
  state: 'IL',
  oldAddress: 'letters@duckworth.senate.gov',
  newAddress: 'foreign.affairs@duckworth.senate.gov',
  changedBy: 'sam@coalition.example.org',
  changedAt: '2026-12-01T15:04:05.000Z',
  senatorsUrl: 'http://localhost:3000/dashboard/senators',
  coalitionName: 'Child Rights Coalition',
} satisfies SenatorDeliveryChangedProps;

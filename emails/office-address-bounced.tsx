import { Button, Heading, Text } from '@react-email/components';
import { z } from 'zod';
import { EmailLayout, buttonStyle, headingStyle, mutedStyle, textStyle } from './components/layout';
import { emailAddress, requiredLine, singleLine, webUrl } from './fields';

export const OfficeAddressBouncedProps = z.object({
  senatorName: requiredLine(200),
  address: emailAddress,
  detail: singleLine(500),
  senatorsUrl: webUrl,
  coalitionName: requiredLine(200),
});
export type OfficeAddressBouncedProps = z.output<typeof OfficeAddressBouncedProps>;

export const officeAddressBouncedSubject = (p: OfficeAddressBouncedProps) => `Letters to ${p.senatorName} are bouncing`;

/** To staff: an office address bounced for good; its letters are marked failed and the writers told. */
export default function OfficeAddressBounced(p: OfficeAddressBouncedProps) {
  return (
    <EmailLayout
      preview={`${p.address} bounced: letters to ${p.senatorName} cannot be delivered`}
      coalitionName={p.coalitionName}
      reason="You are getting this because you are an owner of this coalition's Ratify account."
    >
      <Heading as="h1" style={headingStyle}>
        An office address bounced
      </Heading>
      <Text style={textStyle}>
        Mail to {p.address}, the address letters to {p.senatorName} go to, bounced permanently. The letter is marked
        failed in the ledger and its writer was asked to send it themselves. No more mail goes to this address.
      </Text>
      {p.detail ? <Text style={mutedStyle}>The provider said: {p.detail}</Text> : null}
      <Text style={textStyle}>Please check the office’s address and set a new one.</Text>
      <Button href={p.senatorsUrl} style={buttonStyle}>
        Open the senators page
      </Button>
    </EmailLayout>
  );
}

OfficeAddressBounced.PreviewProps = {
  senatorName: 'Senator Jane Doe',
  address: 'correspondence@doe.senate.example',
  detail: 'Permanent: General: mailbox does not exist',
  senatorsUrl: 'http://localhost:3000/dashboard/senators',
  coalitionName: 'Child Rights Coalition',
} satisfies OfficeAddressBouncedProps;

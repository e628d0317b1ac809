import { Button, Heading, Text } from '@react-email/components';
import { z } from 'zod';
import { EmailLayout, buttonStyle, headingStyle, textStyle } from './components/layout';
import { requiredLine, webUrl } from './fields';

const names = z.array(requiredLine(300)).max(100);

export const RosterChangedProps = z.object({
  joined: names,
  left: names,
  party: names,
  committee: names,
  contact: names,
  senatorsUrl: webUrl,
  coalitionName: requiredLine(200),
});
export type RosterChangedProps = z.output<typeof RosterChangedProps>;

export const rosterChangedSubject = (p: RosterChangedProps) => {
  const n = p.joined.length + p.left.length + p.party.length + p.committee.length + p.contact.length;
  return `The Senate roster changed (${n} ${n === 1 ? 'change' : 'changes'})`;
};

const SECTIONS = [
  ['joined', 'Joined the Senate'],
  ['left', 'Left the Senate (their seat is vacant until filled)'],
  ['party', 'Changed party'],
  ['committee', 'Joined, left or changed role on the Foreign Relations Committee'],
  ['contact', 'New contact details (offices, phone, website)'],
] as const;

export default function RosterChanged(p: RosterChangedProps) {
  return (
    <EmailLayout
      preview="The latest Senate roster import changed who is in the Senate or how to reach them"
      coalitionName={p.coalitionName}
      reason="You are getting this because you are an owner of this coalition's Ratify account."
    >
      <Heading as="h1" style={headingStyle}>
        The Senate roster changed
      </Heading>
      {SECTIONS.filter(([k]) => p[k].length > 0).map(([k, title]) => (
        <Text key={k} style={textStyle}>
          <strong>{title}:</strong> {p[k].join('; ')}
        </Text>
      ))}
      <Text style={textStyle}>Stances and letters of senators who left are kept. Check the whip board: the votes needed follow the roster.</Text>
      <Button href={p.senatorsUrl} style={buttonStyle}>
        Open the whip board
      </Button>
    </EmailLayout>
  );
}

RosterChanged.PreviewProps = {
  joined: ['Jordan Sample (OR)'],
  left: ['Ron Wyden (OR)'],
  party: ['Alex Example (ME)'],
  committee: [],
  contact: ['Tammy Duckworth (IL)'],
  senatorsUrl: 'http://localhost:3000/dashboard/senators',
  coalitionName: 'Child Rights Coalition',
} satisfies RosterChangedProps;

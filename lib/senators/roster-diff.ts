import type { ImportDiff } from '@/db/schema';

// Pure: an import's diff in the words staff read (the import stores which fields changed).

const COMMITTEE = ['ssfrMember', 'ssfrRank', 'ssfrTitle', 'ssfrParty'];
const CONTACT = ['dcAddress', 'phone', 'website', 'contactForm', 'stateOffices', 'social'];

export type RosterChanges = { joined: string[]; left: string[]; party: string[]; committee: string[]; contact: string[] };

/** Ids by kind of change; `label` names a senator ("Ron Wyden (OR)"). */
export function describeRosterDiff(diff: ImportDiff, label: (id: string) => string): RosterChanges {
  const having = (fields: string[]) => diff.changed.filter((c) => c.fields.some((f) => fields.includes(f))).map((c) => label(c.bioguideId));
  return {
    joined: diff.added.map(label),
    left: diff.removed.map(label),
    party: having(['party']),
    committee: having(COMMITTEE),
    contact: having(CONTACT),
  };
}

export const hasRosterChanges = (c: RosterChanges) => Object.values(c).some((v) => v.length > 0);

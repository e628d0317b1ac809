import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { treaties, treatyParties } from '@/db/schema';
import { seedDatabase } from '@/db/seed/seed-database';
import type { StaffUser } from '@/lib/auth/session-user';
import { getPublicCampaign } from '@/lib/campaigns/get-public-campaign';
import { addTreatyStageEvent } from '@/lib/treaties/add-treaty-stage-event';
import { getTreaty } from '@/lib/treaties/get-treaty';
import { importTreatyParties } from '@/lib/treaties/import-treaty-parties';
import { makeStaff } from './staff-fixtures';
import { rejection } from '../support/rejection';

let treatyId: string;
let campaignId: string;
let editor: StaffUser;

beforeEach(async () => {
  ({ treatyId, campaignId } = await seedDatabase(getDb(), { adminEmail: 'owner@parties.test' }));
  editor = await makeStaff('editor');
}, 60_000);

const CSV = `country,signature_date,ratification_date,accession,source
Sierra Leone,2000-09-08,2001-09-17,,UN Treaty Collection
Holy See,2000-09-10,2001-10-24,,UN Treaty Collection
"Congo, Democratic Republic of the",,2001-11-11,yes,UN Treaty Collection
Norway,2000-09-13,,,UN Treaty Collection
`;

describe('states parties', () => {
  it('the seed cites its source in words, not a file path', async () => {
    const [t] = await getDb().select().from(treaties).where(eq(treaties.id, treatyId));
    expect(t.countsSource).not.toMatch(/shared\/seed|\//);
    const c = await getPublicCampaign(campaignId);
    expect(JSON.stringify(c?.treaty)).not.toContain('shared/seed');
  });

  it('derives the public counts from the imported list, as of its latest date', async () => {
    expect(await importTreatyParties({ actor: editor, input: { treatyId, csv: CSV } })).toMatchObject({ count: 4 });
    const c = (await getPublicCampaign(campaignId))!;
    expect(c.treaty).toMatchObject({ statesPartiesCount: 3, signatoriesCount: 3, countsAsOf: '2001-11-11', countsSource: 'UN Treaty Collection' });
  });

  it('refuses a malformed or partial file with the line and reason, changing nothing', async () => {
    await importTreatyParties({ actor: editor, input: { treatyId, csv: CSV } });
    const bad = `country,signature_date,ratification_date,accession,source
Chile,2000-09-07,2003-02-06,,UN
Peru,2000-13-01,,,UN
Chile,2000-09-07,,,UN
Mali,2000-09-08`;
    const e = await rejection(importTreatyParties({ actor: editor, input: { treatyId, csv: bad } }));
    expect(e.code).toBe('VALIDATION');
    expect(e.fieldErrors?.csv).toEqual([
      'Line 3: signature_date “2000-13-01” is not a date like 2002-01-18.',
      'Line 4: Chile is already on line 2.',
      'Line 5: expected 5 columns, found 2.',
    ]);
    const cut = await rejection(importTreatyParties({ actor: editor, input: { treatyId, csv: `${CSV}"Korea, Republic` } }));
    expect(cut.fieldErrors?.csv?.[0]).toMatch(/^Line 6: the file ends inside a quoted field/);
    const noHeader = await rejection(importTreatyParties({ actor: editor, input: { treatyId, csv: 'Chile,2000-09-07,,,UN' } }));
    expect(noHeader.fieldErrors?.csv?.[0]).toMatch(/^Line 1: the first line must be the header/);
    expect(await getDb().select().from(treatyParties).where(eq(treatyParties.treatyId, treatyId))).toHaveLength(4);
    const viewer = await makeStaff('viewer');
    expect((await rejection(importTreatyParties({ actor: viewer, input: { treatyId, csv: CSV } }))).code).toBe('FORBIDDEN');
  });
});

describe('stages', () => {
  it('records the floor vote as its own step, and a return to committee under Rule XXX', async () => {
    await addTreatyStageEvent({ actor: editor, input: { treatyId, stage: 'reported', occurredOn: '2001-06-01' } });
    await addTreatyStageEvent({ actor: editor, input: { treatyId, stage: 'floor_vote', occurredOn: '2001-07-01' } });
    expect((await getTreaty({ actor: editor, input: { id: treatyId } })).stage).toBe('floor_vote');
    await addTreatyStageEvent({
      actor: editor,
      input: { treatyId, stage: 'returned_to_committee', occurredOn: '2003-01-03', note: 'The 107th Congress ended; Rule XXX returned it to committee.' },
    });
    const t = await getTreaty({ actor: editor, input: { id: treatyId } });
    expect(t.stage).toBe('returned_to_committee');
    expect(t.events.map((e) => e.stage)).toContain('returned_to_committee');
  });
});

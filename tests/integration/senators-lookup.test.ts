import { eq } from 'drizzle-orm';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { senators } from '@/db/schema';
import { ZIP_FORMAT_MESSAGE } from '@/lib/geo/zip-format';
import { findSenatorsByState } from '@/lib/senators/find-senators-by-state';
import { findSenatorsByZip } from '@/lib/senators/find-senators-by-zip';
import { parseRoster, type RosterSenator } from '@/lib/senators/parse-roster';
import { readRosterSource } from '@/lib/senators/read-roster-source';
import type { SenatorLookup } from '@/lib/senators/schemas';
import { getTestDb } from '../support/test-db';
import { rejection } from '../support/rejection';
import { ROSTER_DIR } from '../support/roster';

const SECRET = 'foreign.affairs@schumer.example';
let roster: RosterSenator[];

function names(r: SenatorLookup): string[] {
  if (r.kind !== 'state') throw new Error(`expected a state answer, got ${r.kind}`);
  return r.senators.map((s) => s.name);
}

beforeAll(async () => {
  // Parsed once; each test gets a fresh copy of the rows (tables are emptied before every test).
  roster = parseRoster(await readRosterSource(ROSTER_DIR));
});

beforeEach(async () => {
  const { db } = await getTestDb();
  await db.insert(senators).values(roster);
  await db.update(senators).set({ deliveryEmail: SECRET }).where(eq(senators.bioguideId, 'S000148'));
});

describe('findSenatorsByZip', () => {
  it('answers an ordinary ZIP with its two current senators, senior first', async () => {
    const r = await findSenatorsByZip('94103');
    expect(r).toMatchObject({ kind: 'state', zip: '94103', state: 'CA', stateName: 'California', alternatives: [] });
    expect(names(r)).toEqual(['Alex Padilla', 'Adam B. Schiff']);
    if (r.kind !== 'state') return;
    expect(r.senators[0]).toEqual({
      bioguideId: 'P000145',
      name: 'Alex Padilla',
      firstName: 'Alejandro', // the file's first name; official_full uses the nickname
      lastName: 'Padilla',
      party: 'Democrat',
      state: 'CA',
      stateRank: 'senior',
      phone: '202-224-3553',
      dcAddress: expect.stringMatching(/Senate Office Building/),
      website: expect.stringMatching(/^https:\/\/www\.padilla\.senate\.gov/),
      contactForm: 'https://www.padilla.senate.gov/contact/',
      termEnd: '2029-01-03',
      ssfr: { member: false, title: null, rank: null },
      hasDeliveryEmail: false,
      social: expect.objectContaining({ twitter: expect.any(String) }),
    });
  });

  it('accepts ZIP+4 and flags a delivery email without exposing it', async () => {
    const r = await findSenatorsByZip(' 10001-1234 ');
    expect(r).toMatchObject({ kind: 'state', zip: '10001', state: 'NY' });
    expect(names(r)).toEqual(['Charles E. Schumer', 'Kirsten E. Gillibrand']);
    if (r.kind !== 'state') return;
    expect(r.senators.map((s) => s.hasDeliveryEmail)).toEqual([true, false]);
    expect(JSON.stringify(r)).not.toContain(SECRET);
    expect(r.senators[0]).not.toHaveProperty('deliveryEmail');
  });

  it('explains that DC and territories have no senators', async () => {
    const dc = await findSenatorsByZip('20001');
    expect(dc).toMatchObject({ kind: 'no_senators', zip: '20001', state: 'DC', stateName: 'District of Columbia' });
    if (dc.kind !== 'no_senators') return;
    expect(dc.explanation).toMatch(/no senators/);
    expect(dc.explanation).toMatch(/Delegate/);
    expect(dc.explanation).toMatch(/sign the petition/);

    const pr = await findSenatorsByZip('00901');
    expect(pr).toMatchObject({ kind: 'no_senators', state: 'PR', stateName: 'Puerto Rico' });
    if (pr.kind !== 'no_senators') return;
    expect(pr.explanation).toMatch(/territory.*no senators[\s\S]*Resident Commissioner[\s\S]*sign the petition/);
  });

  it('asks which state for a ZIP that crosses a state line, then answers the pick', async () => {
    const r = await findSenatorsByZip('42223');
    expect(r).toEqual({
      kind: 'choose',
      zip: '42223',
      options: [
        { state: 'KY', stateName: 'Kentucky' },
        { state: 'TN', stateName: 'Tennessee' },
      ],
    });
    const tn = await findSenatorsByZip({ zip: '42223', state: 'tn' });
    expect(tn).toMatchObject({ kind: 'state', state: 'TN', alternatives: [{ state: 'KY', stateName: 'Kentucky' }] });
    expect(names(tn)).toEqual(['Marsha Blackburn', 'Bill Hagerty']);

    const wrong = await rejection(findSenatorsByZip({ zip: '42223', state: 'VT' }));
    expect(wrong.fieldErrors).toEqual({ state: ['ZIP code 42223 is not in Vermont. Check the ZIP code or the state.'] });
  });

  it('rejects an unknown ZIP with a field error naming it', async () => {
    const e = await rejection(findSenatorsByZip('00000'));
    expect(e.code).toBe('VALIDATION');
    expect(e.fieldErrors).toEqual({ zip: ['We could not find ZIP code 00000. Check it, or choose your state below.'] });
  });

  it.each(['12a45', '1234', '', '123456'])('rejects the malformed ZIP %j', async (zip) => {
    const e = await rejection(findSenatorsByZip(zip));
    expect(e.code).toBe('VALIDATION');
    expect(e.fieldErrors).toEqual({ zip: [ZIP_FORMAT_MESSAGE] });
  });

  it('leaves out former senators', async () => {
    const { db } = await getTestDb();
    await db.update(senators).set({ isCurrent: false, formerAt: new Date() }).where(eq(senators.bioguideId, 'S001150'));
    const r = await findSenatorsByZip('94103');
    expect(names(r)).toEqual(['Alex Padilla']);
    // The empty seat is shown as vacant, not as a missing roster.
    expect(r).toMatchObject({ kind: 'state', vacantSeats: 1 });
  });
});

describe('findSenatorsByState', () => {
  it('answers Vermont with Sanders (senior) then Welch', async () => {
    const r = await findSenatorsByState('VT');
    expect(r).toMatchObject({ kind: 'state', state: 'VT', stateName: 'Vermont', alternatives: [], vacantSeats: 0 });
    expect(r).not.toHaveProperty('zip');
    if (r.kind !== 'state') return;
    expect(r.senators.map((s) => [s.bioguideId, s.stateRank, s.party, s.phone])).toEqual([
      ['S000033', 'senior', 'Independent', '202-224-5141'],
      ['W000800', 'junior', 'Democrat', '202-224-4242'],
    ]);
  });

  it('marks SSFR members with their title', async () => {
    const r = await findSenatorsByState('id');
    if (r.kind !== 'state') throw new Error('expected Idaho senators');
    expect(r.senators.find((s) => s.bioguideId === 'R000584')?.ssfr).toEqual({ member: true, title: 'Chairman', rank: 1 });
  });

  it('answers a territory with no_senators and rejects an unknown code', async () => {
    expect(await findSenatorsByState('GU')).toMatchObject({ kind: 'no_senators', state: 'GU', stateName: 'Guam' });
    const e = await rejection(findSenatorsByState('XX'));
    expect(e.code).toBe('VALIDATION');
    expect(e.fieldErrors).toEqual({ state: ['Choose a state or territory from the list.'] });
  });
});

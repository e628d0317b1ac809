import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { asc, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditLog, senatorImports, senators } from '@/db/schema';
import { importSenators } from '@/lib/senators/import-senators';
import { ROSTER_FILES } from '@/lib/senators/read-roster-source';
import { getTestDb } from '../support/test-db';
import { ROSTER_DIR, ROSTER_SNAPSHOT } from '../support/roster';

// The first test imports the YAML snapshot as published; the rest use the same files as JSON
// (ROSTER_DIR, parsed once per run), which the first test shows import identically. Parsing 1.8 MB
// of YAML takes a second or two on a quiet machine, far longer on a busy one.
const YAML_MS = 120_000;

type Leg = { id: { bioguide: string }; name: Record<string, string>; terms: Record<string, unknown>[] };
const last = (l: Leg) => l.terms[l.terms.length - 1];

let tmp: string;
let legislators: Leg[];

/** A temp copy of the roster whose legislators-current is replaced (as JSON, or as YAML text, which wins). */
function variant(name: string, edit: (list: Leg[]) => Leg[] | string): string {
  const dir = path.join(tmp, name);
  fs.mkdirSync(dir);
  for (const file of ROSTER_FILES.filter((f) => f !== 'legislators-current')) {
    fs.copyFileSync(path.join(ROSTER_DIR, `${file}.json`), path.join(dir, `${file}.json`));
  }
  const out = edit(structuredClone(legislators));
  if (typeof out === 'string') fs.writeFileSync(path.join(dir, 'legislators-current.yaml'), out);
  else fs.writeFileSync(path.join(dir, 'legislators-current.json'), JSON.stringify(out));
  return dir;
}

async function dbState() {
  const { db } = await getTestDb();
  const rows = await db.select().from(senators).orderBy(asc(senators.bioguideId));
  const imports = await db.select().from(senatorImports);
  return { rows, imports };
}

beforeAll(() => {
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ratify-senators-'));
  legislators = JSON.parse(fs.readFileSync(path.join(ROSTER_DIR, 'legislators-current.json'), 'utf8'));
});

afterAll(() => {
  fs.rmSync(tmp, { recursive: true, force: true });
});

describe('importSenators', () => {
  it('imports the snapshot: 100 current senators, 2 per state, SSFR seats, contact details', async () => {
    const { db } = await getTestDb();
    const result = await importSenators({ source: ROSTER_SNAPSHOT, db });
    expect(result.senatorCount).toBe(100);
    expect(result.source).toBe(ROSTER_SNAPSHOT);
    expect(result.diff.added).toHaveLength(100);
    expect(result.diff.removed).toEqual([]);
    expect(result.diff.changed).toEqual([]);

    const { rows, imports } = await dbState();
    expect(rows.filter((r) => r.isCurrent)).toHaveLength(100);
    const perState = new Map<string, number>();
    for (const r of rows) perState.set(r.state, (perState.get(r.state) ?? 0) + 1);
    expect(perState.size).toBe(50);
    expect([...perState.values()].every((n) => n === 2)).toBe(true);

    const ssfr = rows.filter((r) => r.ssfrMember);
    expect(ssfr).toHaveLength(22);
    const chair = ssfr.filter((r) => /chair/i.test(r.ssfrTitle ?? ''));
    expect(chair.map((r) => [r.bioguideId, r.ssfrParty, r.ssfrRank])).toEqual([['R000584', 'majority', 1]]);
    expect(ssfr.find((r) => r.ssfrTitle === 'Ranking Member')?.bioguideId).toBe('S001181');

    const sanders = rows.find((r) => r.bioguideId === 'S000033')!;
    expect(sanders).toMatchObject({
      officialName: 'Bernard Sanders', firstName: 'Bernard', lastName: 'Sanders', state: 'VT', party: 'Independent',
      senateClass: 1, stateRank: 'senior', termEnd: '2031-01-03', phone: '202-224-5141',
      contactForm: 'https://www.sanders.senate.gov/contact/',
      dcAddress: '332 Dirksen Senate Office Building Washington DC 20510', deliveryEmail: null,
    });
    const cantwell = rows.find((r) => r.bioguideId === 'C000127')!;
    expect(cantwell).toMatchObject({ senateClass: 1, phone: '202-224-3441', stateRank: 'junior' });
    expect(cantwell.contactForm).toBe('https://www.cantwell.senate.gov/public/index.cfm/email-maria');
    expect(rows.find((r) => r.bioguideId === 'S001150')!.contactForm).toBeNull(); // Schiff lists none
    expect(rows.find((r) => r.bioguideId === 'S001181')!.stateOffices).toContainEqual({
      city: 'Berlin', address: '961 Main St.', suite: null, zip: '03570', phone: '603-752-6300',
    });

    expect(imports).toHaveLength(1);
    expect(imports[0]).toMatchObject({ id: result.importId, source: ROSTER_SNAPSHOT, senatorCount: 100 });
    const audit = await db.select().from(auditLog).where(eq(auditLog.action, 'senators.import'));
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ entityId: result.importId, data: expect.objectContaining({ added: 100 }) });

    // The JSON copy the other tests import is the same roster, field for field.
    expect((await importSenators({ source: ROSTER_DIR, db })).diff).toEqual({ added: [], removed: [], changed: [] });
  }, YAML_MS);

  it('re-importing the same files changes nothing but records the import', async () => {
    const { db } = await getTestDb();
    await importSenators({ source: ROSTER_DIR, db });
    const before = await dbState();
    const again = await importSenators({ source: ROSTER_DIR, db });
    expect(again.diff).toEqual({ added: [], removed: [], changed: [] });
    const after = await dbState();
    expect(after.rows).toEqual(before.rows); // including updated_at
    expect(after.imports).toHaveLength(2);
    expect(after.imports.find((i) => i.id === again.importId)?.diff).toEqual({ added: [], removed: [], changed: [] });
  });

  it('diffs a changed file: one phone edited, one senator gone (kept as former), one added', async () => {
    const { db } = await getTestDb();
    await importSenators({ source: ROSTER_DIR, db });
    const before = await dbState();
    const dir = variant('changed', (list) => {
      last(list.find((l) => l.id.bioguide === 'S000033')!).phone = '202-224-0000';
      const cantwell = list.find((l) => l.id.bioguide === 'C000127')!;
      const appointee: Leg = {
        id: { bioguide: 'Z000001' },
        name: { first: 'Pat', last: 'Example', official_full: 'Pat Example' },
        terms: [{ ...last(cantwell), start: '2026-02-01', phone: '202-224-9999', contact_form: 'https://example.org/contact' }],
      };
      return [...list.filter((l) => l !== cantwell), appointee];
    });

    const result = await importSenators({ source: dir, db });
    expect(result.senatorCount).toBe(100);
    expect(result.diff).toEqual({
      added: ['Z000001'],
      removed: ['C000127'],
      changed: [{ bioguideId: 'S000033', fields: ['phone'] }],
    });
    const after = await dbState();
    expect(after.rows).toHaveLength(101);
    const cantwell = after.rows.find((r) => r.bioguideId === 'C000127')!;
    expect(cantwell.isCurrent).toBe(false);
    expect(cantwell.formerAt).toBeInstanceOf(Date);
    expect(after.rows.find((r) => r.bioguideId === 'Z000001')).toMatchObject({
      isCurrent: true, state: 'WA', officialName: 'Pat Example', phone: '202-224-9999',
    });
    const sanders = after.rows.find((r) => r.bioguideId === 'S000033')!;
    expect(sanders.phone).toBe('202-224-0000');
    expect(sanders.updatedAt.getTime()).toBeGreaterThan(before.rows.find((r) => r.bioguideId === 'S000033')!.updatedAt.getTime());
    // Everyone else is untouched, updated_at included.
    const untouched = (rows: typeof after.rows) =>
      rows.filter((r) => !['S000033', 'C000127', 'Z000001'].includes(r.bioguideId));
    expect(untouched(after.rows)).toEqual(untouched(before.rows));

    // Back to the snapshot: the former senator returns, the appointee leaves, the phone reverts.
    const back = await importSenators({ source: ROSTER_DIR, db });
    expect(back.diff).toEqual({
      added: ['C000127'],
      removed: ['Z000001'],
      changed: [{ bioguideId: 'S000033', fields: ['phone'] }],
    });
    const final = await dbState();
    expect(final.rows.find((r) => r.bioguideId === 'C000127')).toMatchObject({ isCurrent: true, formerAt: null });
    expect(final.rows.find((r) => r.bioguideId === 'Z000001')).toMatchObject({ isCurrent: false });
    expect(final.rows.filter((r) => r.isCurrent)).toHaveLength(100);
  });

  it('rejects malformed YAML and a truncated roster, leaving the database unchanged', async () => {
    const { db } = await getTestDb();
    await importSenators({ source: ROSTER_DIR, db });
    const before = await dbState();

    const broken = variant('malformed', () => fs.readFileSync(path.join(ROSTER_SNAPSHOT, 'legislators-current.yaml'), 'utf8').replace(
      "  name:\n    first: Bernard", '  name:\n    first: "Bernard\n',
    ));
    await expect(importSenators({ source: broken, db })).rejects.toThrow(
      /legislators-current\.yaml is not valid YAML: .*line \d+, column \d+/,
    );

    const truncated = variant('truncated', (list) => {
      let kept = 0;
      return list.filter((l) => last(l).type !== 'sen' || kept++ < 40);
    });
    await expect(importSenators({ source: truncated, db })).rejects.toThrow(
      /legislators-current lists 40 senators; a complete roster has 100/,
    );

    const noSsfr = path.join(tmp, 'no-ssfr');
    fs.cpSync(path.join(tmp, 'truncated'), noSsfr, { recursive: true });
    fs.writeFileSync(path.join(noSsfr, 'legislators-current.json'), JSON.stringify(legislators));
    const committees = JSON.parse(fs.readFileSync(path.join(ROSTER_DIR, 'committee-membership-current.json'), 'utf8'));
    delete committees.SSFR;
    fs.writeFileSync(path.join(noSsfr, 'committee-membership-current.json'), JSON.stringify(committees));
    await expect(importSenators({ source: noSsfr, db })).rejects.toThrow(/no SSFR/);

    expect(await dbState()).toEqual(before);
  }, YAML_MS);

  it('keeps a staff-set delivery_email through re-imports and changes', async () => {
    const { db } = await getTestDb();
    await importSenators({ source: ROSTER_DIR, db });
    await db
      .update(senators)
      .set({ deliveryEmail: 'foreign.affairs@sanders.example' })
      .where(eq(senators.bioguideId, 'S000033'));
    const dir = variant('phone', (list) => {
      last(list.find((l) => l.id.bioguide === 'S000033')!).phone = '202-224-1111';
      return list;
    });
    const changed = await importSenators({ source: dir, db });
    expect(changed.diff.changed).toEqual([{ bioguideId: 'S000033', fields: ['phone'] }]);
    await importSenators({ source: ROSTER_DIR, db });
    const [row] = await db.select().from(senators).where(eq(senators.bioguideId, 'S000033'));
    expect(row).toMatchObject({ phone: '202-224-5141', deliveryEmail: 'foreign.affairs@sanders.example' });
    const [{ n }] = await db.select({ n: sql<number>`count(*)::int` }).from(senators).where(sql`delivery_email is not null`);
    expect(n).toBe(1);
  });
});

import { and, asc, eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { auditLog, senatorStanceEvents, senators } from '@/db/schema';
import { seedDatabase } from '@/db/seed/seed-database';
import type { StaffUser } from '@/lib/auth/session-user';
import { exportWhipBoard } from '@/lib/senators/export-whip-board';
import { getStanceHistory } from '@/lib/senators/get-stance-history';
import { getWhipCount } from '@/lib/senators/get-whip-count';
import { importSenators } from '@/lib/senators/import-senators';
import { arithmeticHeadline } from '@/lib/senators/senate-arithmetic';
import { setExpectedAbsent } from '@/lib/senators/set-expected-absent';
import { setSenatorPosition } from '@/lib/senators/set-senator-position';
import { setStancesBulk } from '@/lib/senators/set-stances-bulk';
import { makeStaff } from './staff-fixtures';
import { rejection } from '../support/rejection';
import { ROSTER_DIR } from '../support/roster';

let treatyId: string;
let editor: StaffUser;
let ids: string[];

beforeEach(async () => {
  ({ treatyId } = await seedDatabase(getDb(), { adminEmail: 'owner@senate-whip.test' }));
  await importSenators({ source: ROSTER_DIR });
  editor = await makeStaff('editor');
  ids = (await getDb().select({ id: senators.bioguideId }).from(senators).orderBy(asc(senators.bioguideId))).map((s) => s.id);
}, 60_000);

const whip = () => getWhipCount({ actor: editor, input: { treatyId } });
const absent = (senatorId: string, expectedAbsent = true) =>
  setExpectedAbsent({ actor: editor, input: { senatorId, treatyId, expectedAbsent } });

describe('votes needed: two-thirds of the senators present', () => {
  it('100 present → 67', async () => {
    const w = await whip();
    expect(w.arithmetic).toEqual({ seats: 100, vacant: 0, absent: 0, present: 100, needed: 67 });
    expect(arithmeticHeadline(w.arithmetic)).toBe('100 senators present: 67 votes needed');
  });

  it('1 expected absent → 99 present, 66 needed; marking them present again restores 67', async () => {
    await absent(ids[0]);
    expect((await whip()).arithmetic).toMatchObject({ absent: 1, present: 99, needed: 66 });
    await absent(ids[0], false);
    expect((await whip()).arithmetic).toMatchObject({ absent: 0, present: 100, needed: 67 });
    const audits = await getDb().select().from(auditLog).where(eq(auditLog.action, 'senator.expected_absent'));
    expect(audits.map((a) => (a.data as { expectedAbsent: boolean }).expectedAbsent)).toEqual([true, false]);
  });

  it('98 present → 66 (a vacant seat and one absence); 97 → 65', async () => {
    // A senator leaving without a successor: the roster no longer lists them, so the seat is vacant.
    await getDb().update(senators).set({ isCurrent: false }).where(eq(senators.bioguideId, ids[1]));
    await absent(ids[2]);
    const w = await whip();
    expect(w.arithmetic).toEqual({ seats: 100, vacant: 1, absent: 1, present: 98, needed: 66 });
    expect(arithmeticHeadline(w.arithmetic)).toBe('98 senators present: 66 votes needed');
    expect(w.vacancies).toHaveLength(1);
    await absent(ids[3]);
    expect((await whip()).arithmetic).toMatchObject({ present: 97, needed: 65 });
  });

  it('an absent senator’s yes is not counted toward the votes needed', async () => {
    await setSenatorPosition({ actor: editor, input: { senatorId: ids[0], treatyId, stance: 'supports' } });
    expect((await whip()).yes).toBe(1);
    await absent(ids[0]);
    expect((await whip()).yes).toBe(0);
  });
});

describe('stance history', () => {
  it('keeps every change with its date, source, note and recorder; the latest is current', async () => {
    const s = ids[0];
    await setSenatorPosition({
      actor: editor,
      input: { senatorId: s, treatyId, stance: 'undecided', statedOn: '2026-03-01', sourceUrl: 'https://example.org/a', note: 'Town hall' },
    });
    const other = await makeStaff('admin');
    await setSenatorPosition({ actor: other, input: { senatorId: s, treatyId, stance: 'supports', statedOn: '2026-05-02', sourceUrl: 'https://example.org/b' } });
    // Saving the same again is no change: no history row.
    await setSenatorPosition({ actor: other, input: { senatorId: s, treatyId, stance: 'supports', statedOn: '2026-05-02', sourceUrl: 'https://example.org/b' } });

    const h = await getStanceHistory({ actor: editor, input: { senatorId: s, treatyId } });
    expect(h.entries).toHaveLength(2);
    expect(h.entries[0]).toMatchObject({ stance: 'supports', statedOn: '2026-05-02', sourceUrl: 'https://example.org/b', recordedBy: other.name });
    expect(h.entries[1]).toMatchObject({ stance: 'undecided', statedOn: '2026-03-01', note: 'Town hall', recordedBy: editor.name });
    expect(h.current).toMatchObject({ stance: 'supports', statedOn: '2026-05-02' });
    expect((await whip()).rows.find((r) => r.id === s)).toMatchObject({ stance: 'supports', statedOn: '2026-05-02' });
    // The senator's page also says where letters to the office go, as the board does.
    expect(h.delivery).toMatchObject({ deliveryEmail: null, cwcEnabled: true });
    expect(h.delivery.route).toEqual((await whip()).rows.find((r) => r.id === s)!.route);
    await getDb().update(senators).set({ deliveryEmail: 'office@senate.example' }).where(eq(senators.bioguideId, s));
    const after = await getStanceHistory({ actor: editor, input: { senatorId: s, treatyId } });
    expect(after.delivery.route).toEqual({ channel: 'office_email', label: 'Office email', detail: 'office@senate.example' });
  });

  it('a stance without a date is dated today; a departed senator keeps their history', async () => {
    const now = new Date('2026-11-03T15:00:00Z');
    await setSenatorPosition({ actor: editor, input: { senatorId: ids[0], treatyId, stance: 'opposes' }, now });
    await getDb().update(senators).set({ isCurrent: false }).where(eq(senators.bioguideId, ids[0]));
    const h = await getStanceHistory({ actor: editor, input: { senatorId: ids[0], treatyId } });
    expect(h.senator.isCurrent).toBe(false);
    expect(h.entries).toMatchObject([{ stance: 'opposes', statedOn: '2026-11-03' }]);
  });
});

describe('bulk stance update', () => {
  it('sets one stance from one source for several senators, a history row each', async () => {
    const picked = ids.slice(0, 3);
    const r = await setStancesBulk({ actor: editor, input: { treatyId, senatorIds: picked, stance: 'leaning_yes', sourceUrl: 'https://example.org/letter' } });
    expect(r).toEqual({ changed: 3, selected: 3 });
    const events = await getDb().select().from(senatorStanceEvents).where(and(eq(senatorStanceEvents.treatyId, treatyId)));
    expect(events.map((e) => e.senatorId).sort()).toEqual([...picked].sort());
    expect(events.every((e) => e.sourceUrl === 'https://example.org/letter' && e.recordedBy === editor.id)).toBe(true);
    expect((await whip()).totals.leaning_yes).toBe(3);
  });

  it('refuses no selection, no source, an unknown senator (changing nothing), and viewers', async () => {
    expect((await rejection(setStancesBulk({ actor: editor, input: { treatyId, senatorIds: [], stance: 'supports', sourceUrl: 'https://x.org' } }))).fieldErrors?.senatorIds).toBeDefined();
    expect((await rejection(setStancesBulk({ actor: editor, input: { treatyId, senatorIds: [ids[0]], stance: 'supports', sourceUrl: '' } }))).fieldErrors?.sourceUrl).toBeDefined();
    const e = await rejection(setStancesBulk({ actor: editor, input: { treatyId, senatorIds: [ids[0], 'Z999999'], stance: 'supports', sourceUrl: 'https://x.org' } }));
    expect(e.code).toBe('VALIDATION');
    expect(await getDb().select().from(senatorStanceEvents)).toHaveLength(0);
    const viewer = await makeStaff('viewer');
    expect((await rejection(setStancesBulk({ actor: viewer, input: { treatyId, senatorIds: [ids[0]], stance: 'supports', sourceUrl: 'https://x.org' } }))).code).toBe('FORBIDDEN');
  });
});

describe('board', () => {
  it('lists the Foreign Relations Committee with the majority needed', async () => {
    const w = await whip();
    expect(w.committee.members.length).toBeGreaterThan(10);
    expect(w.committee.majority).toBe(Math.floor(w.committee.members.length / 2) + 1);
    await setSenatorPosition({ actor: editor, input: { senatorId: w.committee.members[0].id, treatyId, stance: 'champion' } });
    expect((await whip()).committee.yes).toBe(1);
  });

  it('filters by party and by expected absence', async () => {
    await absent(ids[0]);
    expect((await getWhipCount({ actor: editor, input: { treatyId, absent: '1' } })).rows.map((r) => r.id)).toEqual([ids[0]]);
    const dems = await getWhipCount({ actor: editor, input: { treatyId, party: 'Democrat' } });
    expect(dems.rows.length).toBeGreaterThan(0);
    expect(dems.rows.every((r) => r.party === 'Democrat')).toBe(true);
  });
});

describe('board CSV', () => {
  it('streams the filtered board with formulas neutralised, audited; viewers may not', async () => {
    await setSenatorPosition({ actor: editor, input: { senatorId: ids[0], treatyId, stance: 'supports', note: '=HYPERLINK("http://evil")' } });
    const out = await exportWhipBoard({ actor: editor, input: { treatyId, stance: 'supports' } });
    const text = await new Response(out.body).text();
    const lines = text.replace(/^\uFEFF/, '').trim().split('\n');
    expect(lines[0]).toMatch(/^bioguide_id,senator,state,party,/);
    expect(lines).toHaveLength(2);
    expect(lines[1]).toContain(`"'=HYPERLINK(""http://evil"")"`);
    const [audit] = await getDb().select().from(auditLog).where(eq(auditLog.action, 'senator.board_export'));
    expect(audit.data).toMatchObject({ rows: 1, arithmetic: '100 senators present: 67 votes needed' });
    const viewer = await makeStaff('viewer');
    expect((await rejection(exportWhipBoard({ actor: viewer, input: { treatyId } }))).code).toBe('FORBIDDEN');
  });
});

import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { auditLog, emailOutbox, senatorPositions, senators } from '@/db/schema';
import { seedDatabase } from '@/db/seed/seed-database';
import type { StaffUser } from '@/lib/auth/session-user';
import { renderEmail } from '@/lib/email/render';
import { getWhipCount } from '@/lib/senators/get-whip-count';
import { importSenators } from '@/lib/senators/import-senators';
import { setDeliveryEmail } from '@/lib/senators/set-delivery-email';
import { setSenatorPosition } from '@/lib/senators/set-senator-position';
import { makeStaff } from './staff-fixtures';
import { rejection } from '../support/rejection';
import { ROSTER_DIR } from '../support/roster';

let treatyId: string;
let editor: StaffUser;
// Two Illinois senators and the Foreign Relations chair, from the roster snapshot.
let illinois: string[];
let chair: string;

beforeEach(async () => {
  const seeded = await seedDatabase(getDb(), { adminEmail: 'owner@senators-staff.test' });
  treatyId = seeded.treatyId;
  await importSenators({ source: ROSTER_DIR });
  editor = await makeStaff('editor');
  illinois = (await getDb().select({ id: senators.bioguideId }).from(senators).where(eq(senators.state, 'IL'))).map((s) => s.id);
  [{ id: chair }] = await getDb()
    .select({ id: senators.bioguideId })
    .from(senators)
    .where(eq(senators.ssfrTitle, 'Chairman'));
}, 60_000);

const audits = (action: string) => getDb().select().from(auditLog).where(eq(auditLog.action, action));
const deliveryEmailOf = async (id: string) =>
  (await getDb().select({ e: senators.deliveryEmail }).from(senators).where(eq(senators.bioguideId, id)))[0].e;

describe('delivery email', () => {
  it('sets, normalises and clears an office address, audited with the old and new address', async () => {
    const [id] = illinois;
    const r = await setDeliveryEmail({ actor: editor, input: { senatorId: id, email: '  Foreign.Affairs@Senator.Senate.GOV ' } });
    expect(r).toMatchObject({ email: 'foreign.affairs@senator.senate.gov', changed: true });
    expect(await deliveryEmailOf(id)).toBe('foreign.affairs@senator.senate.gov');

    await setDeliveryEmail({ actor: editor, input: { senatorId: id, email: '' } });
    expect(await deliveryEmailOf(id)).toBeNull();

    const rows = await audits('senator.delivery_email');
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({
      entityType: 'senator',
      entityId: id,
      actorUserId: editor.id,
      data: { set: true, from: null, to: 'foreign.affairs@senator.senate.gov' },
    });
    expect(rows[1].data).toMatchObject({ set: false, from: 'foreign.affairs@senator.senate.gov', to: null });
  });

  it('emails every active owner through the outbox in the same transaction, and nobody else', async () => {
    const [id] = illinois;
    const second = await makeStaff('owner');
    await makeStaff('owner', { revoked: true });
    await makeStaff('admin');
    await setDeliveryEmail({ actor: editor, input: { senatorId: id, email: 'old@senate.example.gov' } });
    await setDeliveryEmail({ actor: editor, input: { senatorId: id, email: 'new@attacker.example.org' } });
    // Setting the same address again is no change: no audit row, no mail.
    await setDeliveryEmail({ actor: editor, input: { senatorId: id, email: 'NEW@attacker.example.org' } });

    const mail = await getDb().select().from(emailOutbox).where(eq(emailOutbox.template, 'senator-delivery-changed'));
    expect(mail.map((m) => m.toAddress).sort()).toEqual(
      ['owner@senators-staff.test', second.email!, 'owner@senators-staff.test', second.email!].sort(),
    );
    const last = mail.filter((m) => (m.props as { newAddress: string }).newAddress === 'new@attacker.example.org');
    expect(last).toHaveLength(2);
    expect(last[0].props).toMatchObject({ oldAddress: 'old@senate.example.gov', state: 'IL', changedBy: editor.email });
    const rendered = await renderEmail('senator-delivery-changed', last[0].props as never);
    expect(rendered.text).toMatch(/Before: old@senate\.example\.gov/);
    expect(rendered.text).toMatch(/Now: new@attacker\.example\.org/);
    expect(rendered.subject).toMatch(/^Letters to .+ \(IL\) now go to a different address$/);

    // A refused change (bad address) writes neither the audit row nor mail.
    await rejection(setDeliveryEmail({ actor: editor, input: { senatorId: id, email: 'nope' } }));
    expect(await getDb().select().from(emailOutbox).where(eq(emailOutbox.template, 'senator-delivery-changed'))).toHaveLength(4);
  });

  it('rejects a malformed address and an unknown senator; viewers may not set it', async () => {
    const e = await rejection(setDeliveryEmail({ actor: editor, input: { senatorId: illinois[0], email: 'not-an-address' } }));
    expect(e.fieldErrors?.email).toBeDefined();
    expect((await rejection(setDeliveryEmail({ actor: editor, input: { senatorId: 'Z999999', email: '' } }))).code).toBe('NOT_FOUND');
    const viewer = await makeStaff('viewer');
    expect((await rejection(setDeliveryEmail({ actor: viewer, input: { senatorId: illinois[0], email: 'a@b.org' } }))).code).toBe(
      'FORBIDDEN',
    );
    expect(await audits('senator.delivery_email')).toHaveLength(0);
  });
});

describe('whip count', () => {
  it('starts with every current senator unknown', async () => {
    const w = await getWhipCount({ actor: editor, input: { treatyId } });
    expect(w.senatorCount).toBe(100);
    expect(w.rows).toHaveLength(100);
    expect(w.totals.unknown).toBe(100);
    expect(w).toMatchObject({ yes: 0, needed: 67, treaty: { id: treatyId } });
  });

  it('records stances (audited) and counts champion + supports + leaning yes toward 67', async () => {
    await setSenatorPosition({ actor: editor, input: { senatorId: illinois[0], treatyId, stance: 'champion', note: 'Co-sponsor', sourceUrl: 'https://example.org/statement' } });
    await setSenatorPosition({ actor: editor, input: { senatorId: illinois[1], treatyId, stance: 'leaning_yes' } });
    await setSenatorPosition({ actor: editor, input: { senatorId: chair, treatyId, stance: 'undecided', note: '' } });
    // A change of mind replaces the stance rather than adding one.
    await setSenatorPosition({ actor: editor, input: { senatorId: chair, treatyId, stance: 'opposes' } });

    const w = await getWhipCount({ actor: editor, input: { treatyId } });
    expect(w.yes).toBe(2);
    expect(w.totals).toMatchObject({ champion: 1, leaning_yes: 1, opposes: 1, undecided: 0, unknown: 97 });
    expect(w.rows.find((r) => r.id === illinois[0])).toMatchObject({ stance: 'champion', note: 'Co-sponsor', sourceUrl: 'https://example.org/statement' });

    const rows = await audits('senator.position');
    expect(rows).toHaveLength(4);
    expect(rows[3]).toMatchObject({ entityId: chair, data: { treatyId, stance: 'opposes', from: 'undecided' } });
    expect(await getDb().select().from(senatorPositions)).toHaveLength(3);
  });

  it('filters rows by state, stance and committee without changing the totals', async () => {
    await setSenatorPosition({ actor: editor, input: { senatorId: illinois[0], treatyId, stance: 'supports' } });
    const byState = await getWhipCount({ actor: editor, input: { treatyId, state: 'il' } });
    expect(byState.rows.map((r) => r.id).sort()).toEqual([...illinois].sort());
    expect(byState.totals.unknown).toBe(99);
    const byStance = await getWhipCount({ actor: editor, input: { treatyId, stance: 'supports' } });
    expect(byStance.rows.map((r) => r.id)).toEqual([illinois[0]]);
    const ssfr = await getWhipCount({ actor: editor, input: { treatyId, ssfr: '1' } });
    expect(ssfr.rows.length).toBeGreaterThan(10);
    expect(ssfr.rows.every((r) => r.ssfrMember)).toBe(true);
    expect(ssfr.rows.map((r) => r.id)).toContain(chair);
  });

  it('rejects a non-http source and an unknown stance; analysts may read but not set', async () => {
    const e = await rejection(
      setSenatorPosition({ actor: editor, input: { senatorId: chair, treatyId, stance: 'maybe' as never, sourceUrl: 'javascript:alert(1)' } }),
    );
    expect(Object.keys(e.fieldErrors ?? {}).sort()).toEqual(['sourceUrl', 'stance']);
    const analyst = await makeStaff('analyst');
    expect((await getWhipCount({ actor: analyst, input: { treatyId } })).rows).toHaveLength(100);
    expect((await rejection(setSenatorPosition({ actor: analyst, input: { senatorId: chair, treatyId, stance: 'supports' } }))).code).toBe(
      'FORBIDDEN',
    );
  });
});

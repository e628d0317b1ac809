// IDOR suite for the partner role: a partner sees and exports only its own organisation's people
// and figures, whatever id or filter it asks for; host-only services refuse it outright.
import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { auditLog, signatures, supporters } from '@/db/schema';
import { seedDatabase } from '@/db/seed/seed-database';
import { getPartnerBreakdown } from '@/lib/analytics/get-partner-breakdown';
import type { StaffUser } from '@/lib/auth/session-user';
import { setCampaignSponsors } from '@/lib/campaigns/set-campaign-sponsors';
import { exportSigners } from '@/lib/exports/export-signers';
import { createPartner } from '@/lib/organisations/create-partner';
import { exportOptedInPeople } from '@/lib/partners/export-opted-in-people';
import { getReferralStats } from '@/lib/partners/get-referral-stats';
import { listOptedInPeople } from '@/lib/partners/list-opted-in-people';
import { getPerson } from '@/lib/people/get-person';
import { listSigners } from '@/lib/people/list-signers';
import { signPetition } from '@/lib/petitions/sign-petition';
import { rejection } from '../support/rejection';
import { getTestDb } from '../support/test-db';
import { makeStaff } from './staff-fixtures';

const SLUG = 'protect-children-protocol';
let a: string;
let b: string;
let partnerA: StaffUser;
let analyst: StaffUser;
let bPersonId: string;

async function sign(email: string, firstName: string, partnerCode: string, { confirmed = true, source }: { confirmed?: boolean; source?: string } = {}) {
  const res = await signPetition({
    input: { campaignSlug: SLUG, firstName, lastName: 'Test', email, zip: '20002', optIn: false, optInPartners: [partnerCode], ref: partnerCode, source },
  });
  const { db } = await getTestDb();
  if (confirmed) await db.update(signatures).set({ verifiedAt: new Date() }).where(eq(signatures.id, res.signatureId!));
  return res;
}

beforeEach(async () => {
  const { db } = await getTestDb();
  const { campaignId } = await seedDatabase(db, { adminEmail: 'owner@test.example' });
  const owner = await makeStaff('owner');
  ({ id: a } = await createPartner({ actor: owner, input: { name: 'Alpha', slug: 'alpha' } }));
  ({ id: b } = await createPartner({ actor: owner, input: { name: 'Beta', slug: 'beta' } }));
  await setCampaignSponsors({ actor: owner, input: { campaignId, sponsorIds: [a, b], refOnlyPartnerBox: false } });
  partnerA = await makeStaff('partner', { organisationId: a });
  analyst = await makeStaff('analyst');
  await sign('ann@example.org', '=HYPERLINK("http://evil")', 'alpha', { source: 'newsletter' });
  await sign('unconfirmed@example.org', 'Una', 'alpha', { confirmed: false });
  await sign('bob@example.org', 'Bob', 'beta');
  [{ id: bPersonId }] = await db.select({ id: supporters.id }).from(supporters).where(eq(supporters.email, 'bob@example.org'));
});

async function readAll(stream: ReadableStream<Uint8Array>): Promise<string> {
  return new TextDecoder().decode(new Uint8Array(await new Response(stream).arrayBuffer()));
}

describe('a partner sees only its own organisation', () => {
  it('lists only the people who confirmed an opt-in to it, with the words and date', async () => {
    const own = await listOptedInPeople({ actor: partnerA, input: {} });
    expect(own.organisation.id).toBe(a);
    expect(own.people.map((p) => p.email)).toEqual(['ann@example.org']);
    expect(own.people[0]).toMatchObject({ wording: 'Keep me updated about this campaign by email from Alpha.', method: 'form' });
  });

  it('asking for another partner by id or filter answers NOT_FOUND, for the list, the export and the figures', async () => {
    expect((await rejection(listOptedInPeople({ actor: partnerA, input: { organisationId: b } }))).code).toBe('NOT_FOUND');
    expect((await rejection(exportOptedInPeople({ actor: partnerA, input: { organisationId: b } }))).code).toBe('NOT_FOUND');
    expect((await rejection(getReferralStats({ actor: partnerA, input: { organisationId: b } }))).code).toBe('NOT_FOUND');
    // A malformed id is a field error, never a 500.
    expect((await rejection(listOptedInPeople({ actor: partnerA, input: { organisationId: "' or 1=1 --" } }))).code).toBe('VALIDATION');
  });

  it('is refused every host-wide people service: by id, by filter, export, breakdown', async () => {
    expect((await rejection(getPerson({ actor: partnerA, input: { supporterId: bPersonId } }))).code).toBe('FORBIDDEN');
    expect((await rejection(listSigners({ actor: partnerA, input: { q: 'bob' } }))).code).toBe('FORBIDDEN');
    expect((await rejection(exportSigners({ actor: partnerA, input: { preset: 'crm' } }))).code).toBe('FORBIDDEN');
    expect((await rejection(getPartnerBreakdown({ actor: partnerA }))).code).toBe('FORBIDDEN');
  });

  it('a partner account without its organisation sees nothing', async () => {
    const orphan = { ...partnerA, organisationId: null };
    expect((await rejection(listOptedInPeople({ actor: orphan, input: { organisationId: a } }))).code).toBe('FORBIDDEN');
  });

  it('exports its own opt-ins as CSV with wording and date, formulas neutralised, audited', async () => {
    const { body, done, filename } = await exportOptedInPeople({ actor: partnerA, input: {} });
    const csv = await readAll(body);
    expect(filename).toMatch(/^alpha-opt-ins-\d{4}-\d{2}-\d{2}\.csv$/);
    const lines = csv.replace(/^\ufeff/, '').trim().split('\n');
    expect(lines[0]).toBe('Email,First name,Last name,ZIP,State,Campaign,Consent wording,Consented at (UTC),How,Source');
    expect(lines).toHaveLength(2);
    expect(csv).toContain('ann@example.org');
    expect(csv).not.toContain('bob@example.org');
    expect(csv).not.toContain('unconfirmed@example.org');
    expect(csv).toContain(`"'=HYPERLINK(""http://evil"")"`);
    expect(csv).toContain('Keep me updated about this campaign by email from Alpha.');
    expect(csv).toMatch(/\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2},form,newsletter/);
    expect((await done).rows).toBe(1);
    const { db } = await getTestDb();
    const [audit] = await db.select().from(auditLog).where(eq(auditLog.action, 'export.consents'));
    expect(audit).toMatchObject({ actorUserId: partnerA.id, entityId: a });
    expect(audit.data).toMatchObject({ rows: 1, aborted: false });
  });

  it('gets its own referral figures: referred signatures, share, sources, opt-ins', async () => {
    const stats = await getReferralStats({ actor: partnerA, input: { organisationId: a } });
    expect(stats.totals).toEqual({ signatures: 2, letters: 0, optIns: 1 });
    expect(stats.campaignTotals.signatures).toBe(3);
    expect(stats.daily).toHaveLength(30);
    expect(stats.daily.at(-1)!.signatures).toBe(2);
    expect(stats.sources).toEqual(expect.arrayContaining([{ source: 'newsletter', signatures: 1 }, { source: '(none)', signatures: 1 }]));
  });
});

describe('host staff', () => {
  it('choose any partner, and must name one', async () => {
    const beta = await listOptedInPeople({ actor: analyst, input: { organisationId: b } });
    expect(beta.people.map((p) => p.email)).toEqual(['bob@example.org']);
    expect((await rejection(listOptedInPeople({ actor: analyst, input: {} }))).code).toBe('VALIDATION');
    const editor = await makeStaff('editor');
    expect((await rejection(listOptedInPeople({ actor: editor, input: { organisationId: b } }))).code).toBe('FORBIDDEN');
  });

  it('see the partner breakdown', async () => {
    const rows = await getPartnerBreakdown({ actor: analyst });
    expect(rows.map((r) => [r.slug, r.signatures, r.letters, r.optIns])).toEqual([
      ['alpha', 2, 0, 1],
      ['beta', 1, 0, 1],
    ]);
  });
});

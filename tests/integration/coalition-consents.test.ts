// Partners, co-sponsors, per-organisation consent and referrals, through the services.
import { and, eq, sql } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { queryRows } from '@/db/raw';
import { auditLog, campaignSponsors, consents, emailOutbox, letters, organisations, signatures } from '@/db/schema';
import { seedDatabase } from '@/db/seed/seed-database';
import { getPublicCampaign } from '@/lib/campaigns/get-public-campaign';
import { setCampaignSponsors } from '@/lib/campaigns/set-campaign-sponsors';
import { arrangeOffers } from '@/lib/consents/types';
import { readActionRef } from '@/lib/consents/read-action-ref';
import { sendLetters } from '@/lib/letters/send-letters';
import { buildLetterDraft } from '@/lib/letters/letter-draft';
import { createPartner } from '@/lib/organisations/create-partner';
import { retirePartner } from '@/lib/organisations/retire-partner';
import { updatePartner } from '@/lib/organisations/update-partner';
import { signPetition } from '@/lib/petitions/sign-petition';
import type { SignPetitionInput } from '@/lib/petitions/schemas';
import { importSenators } from '@/lib/senators/import-senators';
import { getUnsubscribeRequest, withdrawConsent, unsubscribeSupporter } from '@/lib/supporters/unsubscribe-supporter';
import type { StaffUser } from '@/lib/auth/session-user';
import { liveProps } from '../support/mail-links';
import { rejection } from '../support/rejection';
import { ROSTER_DIR } from '../support/roster';
import { getTestDb } from '../support/test-db';
import { makeStaff } from './staff-fixtures';

const SLUG = 'protect-children-protocol';
let campaignId: string;
let hostId: string;
let owner: StaffUser;
let a: string;
let b: string;

const partner = (name: string, slug: string, extra: Record<string, string> = {}) => ({ name, slug, ...extra });

beforeEach(async () => {
  const { db } = await getTestDb();
  ({ campaignId, organisationId: hostId } = await seedDatabase(db, { adminEmail: 'owner@test.example' }));
  owner = await makeStaff('owner');
  ({ id: a } = await createPartner({ actor: owner, input: partner('Amnesty Test', 'amnesty', { optInText: 'Email me news from Amnesty Test.', privacyPolicyUrl: 'https://amnesty.example/privacy' }) }));
  ({ id: b } = await createPartner({ actor: owner, input: partner('Bread Test', 'bread') }));
  await setCampaignSponsors({ actor: owner, input: { campaignId, sponsorIds: [b, a], refOnlyPartnerBox: false } });
});

const sign = (over: Partial<SignPetitionInput> = {}, method?: 'form' | 'embed' | 'api') =>
  signPetition({
    input: { campaignSlug: SLUG, firstName: 'Maria', lastName: 'Lopez', email: 'maria@example.org', zip: '20002', optIn: false, ...over },
    method,
  });

async function consentRows() {
  const { db } = await getTestDb();
  return db
    .select({ org: organisations.slug, wording: consents.wording, method: consents.method, source: consents.source, signatureId: consents.signatureId, batch: consents.letterBatchId, withdrawnAt: consents.withdrawnAt })
    .from(consents)
    .innerJoin(organisations, eq(organisations.id, consents.organisationId))
    .orderBy(organisations.slug);
}

describe('partner organisations', () => {
  it('are added, edited and retired by owners and admins only, each change audited', async () => {
    const editor = await makeStaff('editor');
    expect((await rejection(createPartner({ actor: editor, input: partner('Nope', 'nope') }))).code).toBe('FORBIDDEN');
    const dup = await rejection(createPartner({ actor: owner, input: partner('Again', 'amnesty') }));
    expect(dup.fieldErrors?.slug?.[0]).toMatch(/already uses/);
    const bad = await rejection(createPartner({ actor: owner, input: partner('X', 'Bad Code!', { logoUrl: 'javascript:alert(1)' }) }));
    expect(Object.keys(bad.fieldErrors ?? {}).sort()).toEqual(['logoUrl', 'name', 'slug']);

    const { changed } = await updatePartner({ actor: owner, input: { id: a, ...partner('Amnesty Test', 'amnesty-us', { optInText: 'New words.' }) } });
    expect(changed.sort()).toEqual(['optInText', 'privacyPolicyUrl', 'slug']);
    await retirePartner({ actor: owner, input: { id: b, retire: 'retire' } });
    // The host cannot be edited or retired as a partner.
    expect((await rejection(retirePartner({ actor: owner, input: { id: hostId, retire: 'retire' } }))).code).toBe('NOT_FOUND');

    const { db } = await getTestDb();
    const actions = (await db.select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.entityType, 'organisation'))).map((r) => r.action);
    expect(actions).toEqual(expect.arrayContaining(['organisation.create', 'organisation.update', 'organisation.retire']));
    // A retired partner is no longer offered on the campaign.
    const offers = (await getPublicCampaign(campaignId))!.consentOffers;
    expect(offers.map((o) => o.slug)).toEqual(['childrens-protocol-coalition', 'amnesty-us']);
  });
});

describe('co-sponsors and consent offers', () => {
  it('offers the host first, then co-sponsors in the chosen order, each with its own words and privacy link', async () => {
    const offers = (await getPublicCampaign(campaignId))!.consentOffers;
    expect(offers.map((o) => [o.kind, o.slug])).toEqual([
      ['host', 'childrens-protocol-coalition'],
      ['partner', 'bread'],
      ['partner', 'amnesty'],
    ]);
    expect(offers[1].wording).toBe('Keep me updated about this campaign by email from Bread Test.');
    expect(offers[2]).toMatchObject({ wording: 'Email me news from Amnesty Test.', privacyPolicyUrl: 'https://amnesty.example/privacy' });
    // A ?ref= visitor sees that partner's box first; only it (and the host's) when the campaign says so.
    expect(arrangeOffers(offers, 'amnesty', false).map((o) => o.slug)).toEqual(['amnesty', 'childrens-protocol-coalition', 'bread']);
    expect(arrangeOffers(offers, 'amnesty', true).map((o) => o.slug)).toEqual(['amnesty', 'childrens-protocol-coalition']);
    expect(arrangeOffers(offers, 'unknown', true).map((o) => o.slug)).toEqual(['childrens-protocol-coalition', 'bread', 'amnesty']);
  });

  it('refuses a retired or unknown organisation as co-sponsor, and editors may not touch partners', async () => {
    await retirePartner({ actor: owner, input: { id: b, retire: 'retire' } });
    const e = await rejection(setCampaignSponsors({ actor: owner, input: { campaignId, sponsorIds: [b], refOnlyPartnerBox: false } }));
    expect(e.code).toBe('VALIDATION');
    const { db } = await getTestDb();
    expect(await db.select().from(campaignSponsors)).toHaveLength(2);
  });
});

describe('consent per organisation on signing', () => {
  it('records one row per ticked box with the exact words, the method and source; the ref partner on the signature', async () => {
    const res = await sign({ optIn: true, optInPartners: ['amnesty', 'not-a-sponsor'], ref: 'amnesty', source: 'newsletter' }, 'embed');
    expect(res.status).toBe('signed');
    const rows = await consentRows();
    expect(rows).toEqual([
      expect.objectContaining({ org: 'amnesty', wording: 'Email me news from Amnesty Test.', method: 'embed', source: 'newsletter', signatureId: res.signatureId }),
      expect.objectContaining({ org: 'childrens-protocol-coalition', wording: "Keep me updated about this campaign by email from Children's Protocol Coalition.", method: 'embed' }),
    ]);
    const { db } = await getTestDb();
    const [sig] = await db.select().from(signatures);
    expect(sig).toMatchObject({ refOrganisationId: a, source: 'newsletter', optedIn: true });
  });

  it('a repeat submission changes nothing: no new consent, ref or source', async () => {
    await sign({ optInPartners: ['bread'] });
    await sign({ optIn: true, optInPartners: ['amnesty'], ref: 'amnesty', source: 'x' });
    expect((await consentRows()).map((r) => r.org)).toEqual(['bread']);
    const { db } = await getTestDb();
    const [sig] = await db.select().from(signatures);
    expect(sig.refOrganisationId).toBeNull();
    expect(sig.source).toBeNull();
  });

  it('records only the referring partner when the campaign shows that box alone', async () => {
    await setCampaignSponsors({ actor: owner, input: { campaignId, sponsorIds: [a, b], refOnlyPartnerBox: true } });
    await sign({ optInPartners: ['amnesty', 'bread'], ref: 'amnesty' });
    expect((await consentRows()).map((r) => r.org)).toEqual(['amnesty']);
    // Without a ref, every co-sponsor's box counts.
    await sign({ email: 'other@example.org', optInPartners: ['amnesty', 'bread'] });
    expect((await consentRows()).map((r) => r.org)).toEqual(['amnesty', 'amnesty', 'bread']);
  });

  it('records letters’ consents with their batch, and the ref partner on each letter', async () => {
    const { db } = await getTestDb();
    await importSenators({ source: ROSTER_DIR, db });
    const draft = buildLetterDraft({ subjectTemplate: 'Ratify', bodyTemplate: 'Please ratify the treaty.', treatyName: 'T', treatyShortName: 'T' });
    await sendLetters({
      input: { campaignSlug: SLUG, firstName: 'Ada', lastName: 'L', email: 'ada@example.org', zip: '62701', city: 'Springfield', subject: draft.subject, body: draft.body, optInPartners: ['bread'], ref: 'bread' },
      requireStreet: false,
    });
    const rows = await consentRows();
    expect(rows).toHaveLength(1);
    expect(rows[0].org).toBe('bread');
    expect(rows[0].batch).not.toBeNull();
    const refs = await db.select({ ref: letters.refOrganisationId }).from(letters);
    expect(refs.length).toBeGreaterThan(0);
    expect(refs.every((r) => r.ref === b)).toBe(true);
  });
});

describe('unsubscribe per organisation and from all', () => {
  async function unsubscribeToken() {
    const { db } = await getTestDb();
    const [mail] = await db.select().from(emailOutbox).where(eq(emailOutbox.template, 'signature-confirmation'));
    return String((await liveProps(mail)).unsubscribeUrl).split('/').pop()!;
  }

  it('withdraws one organisation’s consent only, then all', async () => {
    await sign({ optIn: true, optInPartners: ['amnesty', 'bread'] });
    const token = await unsubscribeToken();
    expect((await getUnsubscribeRequest({ input: { token } })).organisations.map((o) => o.name)).toEqual(['Amnesty Test', 'Bread Test', "Children's Protocol Coalition"]);
    await withdrawConsent({ input: { token, organisationId: a } });
    await withdrawConsent({ input: { token, organisationId: a } }); // idempotent
    const after = await consentRows();
    expect(after.filter((r) => r.withdrawnAt).map((r) => r.org)).toEqual(['amnesty']);
    const { db } = await getTestDb();
    expect(await db.select().from(auditLog).where(eq(auditLog.action, 'consent.withdraw'))).toHaveLength(1);
    expect((await db.select({ o: signatures.optedIn }).from(signatures))[0].o).toBe(true);

    await unsubscribeSupporter({ input: { token } });
    expect((await consentRows()).every((r) => r.withdrawnAt)).toBe(true);
    const [{ n }] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from consents where withdrawn_at is null`);
    expect(n).toBe(0);
    expect(await db.select().from(consents).where(and(eq(consents.organisationId, hostId)))).toHaveLength(1);
  });
});

describe('referral', () => {
  it('reads the ref from the form, else the Referer, else the cookie; malformed ones are dropped', () => {
    expect(readActionRef('Amnesty', null, undefined)).toBe('amnesty');
    expect(readActionRef('', 'https://x.example/c/s?ref=bread', 'amnesty')).toBe('bread');
    expect(readActionRef(null, 'https://x.example/c/s', 'amnesty')).toBe('amnesty');
    expect(readActionRef('<script>', 'not a url', 'a b')).toBeUndefined();
  });
});

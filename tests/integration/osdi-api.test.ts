// The OSDI API through its route handlers: keys, field names, paging, filters, scoping, a round trip.
import { eq, sql } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { GET as aep } from '@/app/api/osdi/v1/route';
import { GET as listPeopleRoute } from '@/app/api/osdi/v1/people/route';
import { GET as personRoute } from '@/app/api/osdi/v1/people/[id]/route';
import { GET as petitionsRoute } from '@/app/api/osdi/v1/petitions/route';
import { GET as signaturesRoute, POST as recordRoute } from '@/app/api/osdi/v1/petitions/[id]/signatures/route';
import { queryRows } from '@/db/raw';
import { runInRequestScope } from '@/lib/http/request-scope';
import { auditLog, consents, emailOutbox, signatures, supporters } from '@/db/schema';
import { seedDatabase } from '@/db/seed/seed-database';
import { setCampaignSponsors } from '@/lib/campaigns/set-campaign-sponsors';
import { createPartner } from '@/lib/organisations/create-partner';
import { createApiKey, revokeApiKey } from '@/lib/osdi/api-keys';
import { getSignatureCount } from '@/lib/petitions/get-signature-count';
import { signPetition } from '@/lib/petitions/sign-petition';
import type { StaffUser } from '@/lib/auth/session-user';
import { rejection } from '../support/rejection';
import { getTestDb } from '../support/test-db';
import { makeStaff } from './staff-fixtures';

const SLUG = 'protect-children-protocol';
let campaignId: string;
let owner: StaffUser;
let alpha: string;
let alphaKey: string;
let alphaReadKey: string;
let betaKey: string;
let ipSeq = 0;

const req = (path: string, key: string | null, init: RequestInit = {}) =>
  new Request(`http://localhost/api/osdi/v1${path}`, {
    ...init,
    headers: { ...(key ? { 'OSDI-API-Token': key } : {}), 'x-forwarded-for': `198.51.100.${++ipSeq % 250}`, ...(init.headers ?? {}) },
  });
const params = <T,>(p: T) => ({ params: Promise.resolve(p) });
const signer = (email: string, over: Record<string, unknown> = {}) => ({
  person: { given_name: 'Rosa', family_name: 'Parks', email_addresses: [{ address: email, primary: true }], postal_addresses: [{ postal_code: '20002' }] },
  ...over,
});
// Outside Next, the request scope the pipeline's after-response work needs (as in public-inputs.property.test.ts).
const inScope = <T,>(fn: () => Promise<T>) => runInRequestScope({ headers: new Headers(), cookies: new Map<string, string>(), after: () => {} }, fn);
const post = (key: string, body: unknown, id = campaignId) =>
  inScope(() =>
    recordRoute(req(`/petitions/${id}/signatures`, key, { method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json' } }), params({ id })),
  );

async function rowCounts() {
  const { db } = await getTestDb();
  const [r] = await queryRows<Record<string, number>>(db, sql`select (select count(*)::int from signatures) as s, (select count(*)::int from consents) as c, (select count(*)::int from email_outbox) as o`);
  return r;
}

beforeEach(async () => {
  const { db } = await getTestDb();
  ({ campaignId } = await seedDatabase(db, { adminEmail: 'owner@test.example' }));
  owner = await makeStaff('owner');
  ({ id: alpha } = await createPartner({ actor: owner, input: { name: 'Alpha', slug: 'alpha' } }));
  const { id: beta } = await createPartner({ actor: owner, input: { name: 'Beta', slug: 'beta' } });
  await setCampaignSponsors({ actor: owner, input: { campaignId, sponsorIds: [alpha, beta], refOnlyPartnerBox: false } });
  ({ key: alphaKey } = await createApiKey({ actor: owner, input: { organisationId: alpha, name: 'Alpha CRM', scope: 'read_write' } }));
  ({ key: alphaReadKey } = await createApiKey({ actor: owner, input: { organisationId: alpha, name: 'Alpha reports', scope: 'read' } }));
  ({ key: betaKey } = await createApiKey({ actor: owner, input: { organisationId: beta, name: 'Beta CRM', scope: 'read_write' } }));
  // Someone who opted in to Beta (confirmed), through the form.
  const res = await signPetition({ input: { campaignSlug: SLUG, firstName: 'Bea', lastName: 'Beta', email: 'bea@example.org', zip: '20002', optIn: false, optInPartners: ['beta'] } });
  await db.update(signatures).set({ verifiedAt: new Date() }).where(eq(signatures.id, res.signatureId!));
});

describe('API keys', () => {
  it('are created by owners and admins only, stored hashed, audited, and revocable', async () => {
    expect(alphaKey).toMatch(/^rat_[A-Za-z0-9_-]{43}$/);
    const { db } = await getTestDb();
    const stored = JSON.stringify(await db.execute(sql`select * from api_keys`));
    expect(stored).not.toContain(alphaKey);
    expect((await rejection(createApiKey({ actor: await makeStaff('analyst'), input: { organisationId: alpha, name: 'x', scope: 'read' } }))).code).toBe('FORBIDDEN');
    const [{ id }] = await queryRows<{ id: string }>(db, sql`select id from api_keys where name = 'Alpha reports'`);
    await revokeApiKey({ actor: owner, input: { id } });
    expect((await aep(req('', alphaReadKey))).status).toBe(401);
    expect((await aep(req('', null))).status).toBe(401);
    expect((await aep(req('', 'rat_' + 'x'.repeat(43)))).status).toBe(401);
    const actions = (await db.select({ a: auditLog.action }).from(auditLog)).map((r) => r.a);
    expect(actions).toEqual(expect.arrayContaining(['api_key.create', 'api_key.revoke']));
  });
});

describe('resources and paging', () => {
  it('the AEP links the resources with osdi: relations', async () => {
    const res = await aep(req('', alphaKey));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/hal+json');
    const body = await res.json();
    expect(body._links['osdi:petitions'].href).toMatch(/\/api\/osdi\/v1\/petitions$/);
    expect(body._links['osdi:people'].href).toMatch(/\/api\/osdi\/v1\/people$/);
  });

  it('petitions use OSDI field names, ratify: identifiers and paging', async () => {
    const body = await (await petitionsRoute(req('/petitions?per_page=1', alphaKey))).json();
    expect(body).toMatchObject({ total_records: 1, total_pages: 1, per_page: 1, page: 1 });
    const p = body._embedded['osdi:petitions'][0];
    expect(p.identifiers).toEqual([`ratify:${campaignId}`]);
    expect(Object.keys(p)).toEqual(expect.arrayContaining(['identifiers', 'origin_system', 'created_date', 'modified_date', 'title', 'description', 'browser_url', 'total_signatures', '_links']));
    expect(p._links['osdi:record_signature_helper'].href).toContain(`/petitions/${campaignId}/signatures`);
  });

  it('refuses bad queries with a 4xx naming the field, never a 500', async () => {
    for (const [q, field] of [
      ['per_page=1000000', 'per_page'],
      ['page=0', 'page'],
      ['page=abc', 'page'],
      ['filter=' + encodeURIComponent("name eq 'x'"), 'filter'],
      ['filter=' + encodeURIComponent("modified_date gt 'not a date'"), 'filter'],
      ['sort=name', 'sort'],
    ] as const) {
      const res = await petitionsRoute(req(`/petitions?${q}`, alphaKey));
      expect(res.status, q).toBe(400);
      expect((await res.json()).error.fieldErrors[field], q).toBeDefined();
    }
  });

  it('filters by modified_date for incremental sync', async () => {
    const future = encodeURIComponent("modified_date gt '2199-01-01T00:00:00Z'");
    expect((await (await petitionsRoute(req(`/petitions?filter=${future}`, alphaKey))).json()).total_records).toBe(0);
    const past = encodeURIComponent("modified_date gt '2001-01-01T00:00:00Z'");
    expect((await (await petitionsRoute(req(`/petitions?filter=${past}`, alphaKey))).json()).total_records).toBe(1);
  });
});

describe('scoping: a key sees what its organisation may see', () => {
  it('people: only those who opted in to the key’s organisation; another’s person is a 404', async () => {
    const beta = await (await listPeopleRoute(req('/people', betaKey))).json();
    expect(beta.total_records).toBe(1);
    const bea = beta._embedded['osdi:people'][0];
    expect(bea).toMatchObject({ given_name: 'Bea', family_name: 'Beta', email_addresses: [{ address: 'bea@example.org', primary: true }] });
    expect(bea.postal_addresses[0]).toMatchObject({ postal_code: '20002' });
    const id = bea.identifiers[0].replace('ratify:', '');
    expect((await (await listPeopleRoute(req('/people', alphaKey))).json()).total_records).toBe(0);
    expect((await personRoute(req(`/people/${id}`, alphaKey), params({ id }))).status).toBe(404);
    expect((await personRoute(req(`/people/${id}`, betaKey), params({ id: `ratify:${id}` }))).status).toBe(200);
    // Signatures: a partner key sees only its own opted-in people's.
    const sigs = await (await signaturesRoute(req(`/petitions/${campaignId}/signatures`, alphaKey), params({ id: campaignId }))).json();
    expect(sigs.total_records).toBe(0);
  });
});

describe('record_signature_helper', () => {
  it('round trip: records through the form’s rules, reads back, the count moves', async () => {
    const before = await getSignatureCount(campaignId);
    const res = await post(alphaKey, signer('rosa@example.org', { comments: 'Ratify it.', 'ratify:opt_in': true }));
    expect(res.status).toBe(201);
    const sig = await res.json();
    expect(sig.identifiers[0]).toMatch(/^ratify:[0-9a-f-]{36}$/);
    expect(sig).toMatchObject({ comments: 'Ratify it.', origin_system: 'Ratify' });
    expect(await getSignatureCount(campaignId)).toBe(before + 1);
    const { db } = await getTestDb();
    const [row] = await db.select().from(signatures).where(eq(signatures.id, sig.identifiers[0].slice(7)));
    expect(row).toMatchObject({ refOrganisationId: alpha, source: 'osdi' });
    const [consent] = await db.select().from(consents).where(eq(consents.signatureId, row.id));
    expect(consent).toMatchObject({ organisationId: alpha, method: 'api' });
    const mails = await db.select().from(emailOutbox).where(eq(emailOutbox.toAddress, 'rosa@example.org'));
    expect(mails.map((m) => m.template)).toEqual(['signature-confirmation']);
    // A repeat changes nothing and answers 200 with the same signature.
    const again = await post(alphaKey, signer('ROSA@example.org', { 'ratify:opt_in': false }));
    expect(again.status).toBe(200);
    expect((await again.json()).identifiers).toEqual(sig.identifiers);
    expect(await getSignatureCount(campaignId)).toBe(before + 1);
    // Once confirmed, the person shows to Alpha's key and in its signatures.
    await db.update(signatures).set({ verifiedAt: new Date() }).where(eq(signatures.id, row.id));
    await db.update(supporters).set({ updatedAt: new Date() }).where(eq(supporters.email, 'rosa@example.org'));
    const people = await (await listPeopleRoute(req('/people', alphaKey))).json();
    expect(people._embedded['osdi:people'].map((p: { given_name: string }) => p.given_name)).toEqual(['Rosa']);
    const sigs = await (await signaturesRoute(req(`/petitions/${campaignId}/signatures`, alphaKey), params({ id: campaignId }))).json();
    expect(sigs.total_records).toBe(1);
  });

  it('bad requests get a 4xx naming the field and write nothing', async () => {
    const before = await rowCounts();
    const cases: [unknown, number, string][] = [
      [{ ...signer('a@example.org'), colour: 'red' }, 400, 'colour'],
      [signer('not-an-email'), 400, 'person.email_addresses.0.address'],
      [{ person: { ...signer('a@example.org').person, postal_addresses: [{ postal_code: 'abc' }] } }, 400, 'person.postal_addresses.0.postal_code'],
      [{ person: { ...signer('a@example.org').person, given_name: 7 } }, 400, 'person.given_name'],
    ];
    for (const [body, status, field] of cases) {
      const res = await post(alphaKey, body);
      expect(res.status, JSON.stringify(body)).toBe(status);
      const json = await res.json();
      expect(json.error.fieldErrors[field], JSON.stringify(json)).toBeDefined();
    }
    const malformed = await inScope(() =>
      recordRoute(
        req(`/petitions/${campaignId}/signatures`, alphaKey, { method: 'POST', body: '{"person":', headers: { 'content-type': 'application/json' } }),
        params({ id: campaignId }),
      ),
    );
    expect(malformed.status).toBe(400);
    expect((await post(alphaReadKey, signer('b@example.org'))).status).toBe(403);
    expect((await post(alphaKey, signer('c@example.org'), '00000000-0000-4000-8000-000000000000')).status).toBe(404);
    expect(await rowCounts()).toEqual(before);
  });
});

// OSDI advocacy campaigns and outreaches (letters) through their route handlers: field names,
// paging, scoping, and the record_outreach_helper under the letter form's rules — above all, that a
// letter recorded by API reaches no Senate office until its writer confirms it by email.
import { eq, sql } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { GET as aep } from '@/app/api/osdi/v1/route';
import { GET as campaignsRoute } from '@/app/api/osdi/v1/advocacy_campaigns/route';
import { GET as campaignRoute } from '@/app/api/osdi/v1/advocacy_campaigns/[id]/route';
import { GET as outreachesRoute, POST as recordRoute } from '@/app/api/osdi/v1/advocacy_campaigns/[id]/outreaches/route';
import { GET as outreachRoute } from '@/app/api/osdi/v1/advocacy_campaigns/[id]/outreaches/[oid]/route';
import { consents, emailOutbox, letters, supporters } from '@/db/schema';
import { queryRows } from '@/db/raw';
import { confirmLetters } from '@/lib/letters/confirm-letters';
import { getTestDb } from '../support/test-db';
import { liveLink } from '../support/mail-links';
import { outboxFor } from '../support/outbox';
import { inScope, jsonPost, params, req, setUpOsdiWorld, writer, writtenRows, type OsdiWorld } from './osdi-fixtures';

let w: OsdiWorld;

beforeEach(async () => {
  w = await setUpOsdiWorld();
});

const post = (key: string, body: unknown, id = w.campaignId) =>
  inScope(() => recordRoute(jsonPost(`/advocacy_campaigns/${id}/outreaches`, key, body), params({ id })));
const list = async (key: string, query = '') => {
  const res = await outreachesRoute(req(`/advocacy_campaigns/${w.campaignId}/outreaches${query}`, key), params({ id: w.campaignId }));
  expect(res.status, await res.clone().text()).toBe(200);
  return res.json();
};
const campaign = async (key = w.hostKey) => (await campaignRoute(req(`/advocacy_campaigns/${w.campaignId}`, key), params({ id: w.campaignId }))).json();
const lettersOf = async (email: string) => {
  const { db } = await getTestDb();
  return db.select({ l: letters }).from(letters).innerJoin(supporters, eq(supporters.id, letters.supporterId)).where(eq(supporters.email, email)).then((r) => r.map((x) => x.l));
};

async function confirmByEmail(email: string) {
  const [mail] = await outboxFor(email, 'letters-confirmation');
  const token = (await liveLink(mail, 'confirmUrl')).split('/').pop()!;
  return confirmLetters({ input: { token } });
}

describe('advocacy campaigns', () => {
  it('the AEP links them; they use OSDI field names, ratify: identifiers and paging', async () => {
    const root = await (await aep(req('', w.alphaKey))).json();
    expect(root._links['osdi:advocacy_campaigns'].href).toMatch(/\/api\/osdi\/v1\/advocacy_campaigns$/);
    const body = await (await campaignsRoute(req('/advocacy_campaigns?per_page=1', w.alphaKey))).json();
    expect(body).toMatchObject({ total_records: 1, total_pages: 1, per_page: 1, page: 1 });
    const c = body._embedded['osdi:advocacy_campaigns'][0];
    expect(c).toMatchObject({ identifiers: [`ratify:${w.campaignId}`], origin_system: 'Ratify', type: 'email', targets: 'U.S. Senate', total_outreaches: 0 });
    expect(Object.keys(c)).toEqual(expect.arrayContaining(['created_date', 'modified_date', 'title', 'description', 'browser_url']));
    expect(c._links['osdi:outreaches'].href).toMatch(new RegExp(`/advocacy_campaigns/${w.campaignId}/outreaches$`));
    expect(c._links['osdi:record_outreach_helper'].href).toBe(c._links['osdi:outreaches'].href);
    expect(body._links['osdi:advocacy_campaigns']).toEqual([{ href: c._links.self.href }]);
    const future = encodeURIComponent("modified_date gt '2199-01-01T00:00:00Z'");
    expect((await (await campaignsRoute(req(`/advocacy_campaigns?filter=${future}`, w.alphaKey))).json()).total_records).toBe(0);
    expect((await campaignRoute(req('/advocacy_campaigns/nope', w.alphaKey), params({ id: 'nope' }))).status).toBe(404);
  });
});

describe('record_outreach_helper', () => {
  it('records through the letter form’s rules and sends nothing to an office until the writer confirms', async () => {
    const res = await post(w.alphaKey, writer('ida@example.org', { subject: 'Please ratify the protocol', 'ratify:opt_in': true }));
    expect(res.status, await res.clone().text()).toBe(201);
    const body = await res.json();
    expect(body['ratify:awaiting_confirmation']).toBe(true);
    expect(body.total_records).toBe(2);
    const outreaches = body._embedded['osdi:outreaches'];
    expect(outreaches.map((o: { targets: { family_name: string }[] }) => o.targets[0].family_name).sort()).toEqual(['Duckworth', 'Durbin']);
    expect(outreaches[0]).toMatchObject({ origin_system: 'Ratify', type: 'email', 'ratify:status': 'pending_confirmation' });
    expect(outreaches[0].targets[0]).toMatchObject({ title: 'Senator', organization: 'U.S. Senate', ocdid: 'ocd-division/country:us/state:il' });
    expect(outreaches[0].identifiers[0]).toMatch(/^ratify:[0-9a-f-]{36}$/);
    expect(outreaches[0]).not.toHaveProperty('action_date');
    // Letter text stays out of the API, as it stays out of every staff view.
    expect(outreaches[0]).not.toHaveProperty('message');

    // Held: the letters wait, the only mail is the writer's confirmation, the consent is Alpha's by API.
    const rows = await lettersOf('ida@example.org');
    expect(rows.map((l) => l.status)).toEqual(['pending_confirmation', 'pending_confirmation']);
    expect(rows.every((l) => l.outboxId === null && l.refOrganisationId === w.alpha && l.source === 'osdi' && l.subject === 'Please ratify the protocol')).toBe(true);
    const { db } = await getTestDb();
    expect((await db.select().from(emailOutbox)).map((m) => [m.template, m.toAddress])).toEqual([['letters-confirmation', 'ida@example.org']]);
    const [consent] = await db.select().from(consents).where(eq(consents.letterBatchId, rows[0].batchId!));
    expect(consent).toMatchObject({ organisationId: w.alpha, method: 'api', source: 'osdi' });
    expect((await campaign()).total_outreaches).toBe(0);
    // Not yet confirmed: the consent proves nothing, so Alpha's key cannot read the person back yet.
    expect((await list(w.alphaKey)).total_records).toBe(0);
    expect((await list(w.hostKey)).total_records).toBe(2);

    // The writer's click sends them; then they count, and Alpha's key sees them.
    const confirmed = await confirmByEmail('ida@example.org');
    expect(confirmed.letters).toHaveLength(2);
    expect((await lettersOf('ida@example.org')).every((l) => l.status !== 'pending_confirmation' && l.confirmedAt)).toBe(true);
    expect((await campaign(w.alphaKey)).total_outreaches).toBe(2);
    const seen = await list(w.alphaKey);
    expect(seen.total_records).toBe(2);
    expect(seen._embedded['osdi:outreaches'][0].action_date).toEqual(expect.any(String));
    const oid = seen._embedded['osdi:outreaches'][0].identifiers[0];
    expect((await outreachRoute(req('/x', w.alphaKey), params({ id: w.campaignId, oid }))).status).toBe(200);

    // A repeat writes nothing, answers 200 with what the key may see, and the count stays.
    const before = (await lettersOf('ida@example.org')).map((l) => [l.id, l.status]);
    const again = await post(w.alphaKey, writer('IDA@example.org'));
    expect(again.status).toBe(200);
    const againBody = await again.json();
    expect(againBody['ratify:awaiting_confirmation']).toBe(false);
    expect(againBody.total_records).toBe(2);
    expect((await lettersOf('ida@example.org')).map((l) => [l.id, l.status])).toEqual(before);
    expect((await campaign()).total_outreaches).toBe(2);
    // …while Beta's key, which the person never opted in to, learns nothing about them.
    const toBeta = await post(w.betaKey, writer('ida@example.org'));
    expect(toBeta.status).toBe(200);
    expect((await toBeta.json()).total_records).toBe(0);
  });

  it('a newer submission replaces letters still waiting, under a new confirmation link', async () => {
    expect((await post(w.hostKey, writer('ned@example.org', { subject: 'First draft' }))).status).toBe(201);
    const first = await lettersOf('ned@example.org');
    expect((await post(w.hostKey, writer('ned@example.org', { subject: 'Second draft', 'ratify:opt_in': true }))).status).toBe(201);
    const second = await lettersOf('ned@example.org');
    expect(second.map((l) => l.id).sort()).toEqual(first.map((l) => l.id).sort());
    expect(second.every((l) => l.subject === 'Second draft' && l.status === 'pending_confirmation')).toBe(true);
    expect(await outboxFor('ned@example.org', 'letters-confirmation')).toHaveLength(2);
  });

  it('refuses bad requests with a 4xx naming the field, and writes nothing', async () => {
    const before = await writtenRows();
    const person = writer('a@example.org').person;
    const cases: [unknown, number, string][] = [
      [{ ...writer('a@example.org'), colour: 'red' }, 400, 'colour'],
      [{ ...writer('a@example.org'), targets: [{ title: 'Senator', family_name: 'Smith' }] }, 400, 'targets'],
      [{ ...writer('a@example.org'), type: 'phone' }, 400, 'type'],
      [{ ...writer('a@example.org'), subject: 42 }, 400, 'subject'],
      [{ ...writer('a@example.org'), message: 'x'.repeat(6000) }, 400, 'message'],
      [{ ...writer('a@example.org'), 'ratify:opt_in': 'yes' }, 400, 'ratify:opt_in'],
      [writer('not-an-email'), 400, 'person.email_addresses.0.address'],
      [{ person: { ...person, given_name: 7 } }, 400, 'person.given_name'],
      [{ person: { ...person, nickname: 'I' } }, 400, 'person.nickname'],
      [{ person: { ...person, postal_addresses: [{ postal_code: 'abc' }] } }, 400, 'person.postal_addresses.0.postal_code'],
      [{ person: { ...person, postal_addresses: [{ postal_code: '62701', country: 'FR' }] } }, 400, 'person.postal_addresses.0.country'],
      // ZIP 62701 is in Illinois, not Ohio: the form's own rule, named by the OSDI field.
      [{ person: { ...person, postal_addresses: [{ postal_code: '62701', region: 'OH' }] } }, 400, 'person.postal_addresses.0.postal_code'],
      [{ person: { ...person, email_addresses: [] } }, 400, 'person.email_addresses'],
      [{ subject: 'No person' }, 400, 'person'],
    ];
    for (const [body, status, field] of cases) {
      const res = await post(w.hostKey, body);
      const json = await res.json();
      expect(res.status, JSON.stringify(json)).toBe(status);
      expect(json.error.fieldErrors[field], `${field}: ${JSON.stringify(json)}`).toBeDefined();
    }
    const malformed = await inScope(() => recordRoute(jsonPost(`/advocacy_campaigns/${w.campaignId}/outreaches`, w.hostKey, '{"person":'), params({ id: w.campaignId })));
    expect(malformed.status).toBe(400);
    expect((await malformed.json()).error.fieldErrors._body).toBeDefined();
    const notJson = await inScope(() =>
      recordRoute(req(`/advocacy_campaigns/${w.campaignId}/outreaches`, w.hostKey, { method: 'POST', body: 'person=x', headers: { 'content-type': 'text/plain' } }), params({ id: w.campaignId })),
    );
    expect(notJson.status).toBe(415);
    expect((await post(w.alphaReadKey, writer('b@example.org'))).status).toBe(403);
    expect((await post(w.hostKey, writer('c@example.org'), '00000000-0000-4000-8000-000000000000')).status).toBe(404);
    for (const [q, field] of [
      ['per_page=1000000', 'per_page'],
      ['page=-1', 'page'],
      ['filter=' + encodeURIComponent("subject eq 'x'"), 'filter'],
      ['sort=created_date', 'sort'],
    ] as const) {
      const res = await outreachesRoute(req(`/advocacy_campaigns/${w.campaignId}/outreaches?${q}`, w.hostKey), params({ id: w.campaignId }));
      expect(res.status, q).toBe(400);
      expect((await res.json()).error.fieldErrors[field], q).toBeDefined();
    }
    expect(await writtenRows()).toEqual(before);
  });

  it('a closed campaign takes no letters (409), and the per-email limit applies as on the form', async () => {
    const { db } = await getTestDb();
    for (let i = 0; i < 5; i++) expect((await post(w.hostKey, writer('busy@example.org', { subject: `Draft number ${i}` }))).status).toBe(201);
    const limited = await post(w.hostKey, writer('busy@example.org'));
    expect(limited.status).toBe(429);
    expect((await limited.json()).error.code).toBe('RATE_LIMITED');
    await db.execute(sql`update campaigns set status = 'closed' where id = ${w.campaignId}::uuid`);
    const closed = await post(w.hostKey, writer('late@example.org'));
    expect(closed.status).toBe(409);
    expect(await lettersOf('late@example.org')).toEqual([]);
  });
});

describe('outreaches: scoping and paging', () => {
  it('a partner key sees only its own opted-in people’s letters; another partner’s are 404', async () => {
    await post(w.alphaKey, writer('al@example.org', { 'ratify:opt_in': true }));
    await post(w.betaKey, writer('bo@example.org', { 'ratify:opt_in': true }));
    await post(w.betaKey, writer('cy@example.org', { 'ratify:opt_in': false }));
    for (const email of ['al@example.org', 'bo@example.org', 'cy@example.org']) await confirmByEmail(email);
    const alpha = await list(w.alphaKey);
    const beta = await list(w.betaKey);
    expect(alpha.total_records).toBe(2);
    expect(beta.total_records).toBe(2);
    const alphaIds = alpha._embedded['osdi:outreaches'].map((o: { identifiers: string[] }) => o.identifiers[0]);
    const betaIds = beta._embedded['osdi:outreaches'].map((o: { identifiers: string[] }) => o.identifiers[0]);
    expect(alphaIds.filter((id: string) => betaIds.includes(id))).toEqual([]);
    expect((await outreachRoute(req('/x', w.betaKey), params({ id: w.campaignId, oid: alphaIds[0] }))).status).toBe(404);
    // Someone who referred by Beta's key but did not opt in stays with the host.
    expect((await list(w.hostKey)).total_records).toBe(6);
    // A letter id under another campaign's URL is not found either.
    expect((await outreachRoute(req('/x', w.hostKey), params({ id: '00000000-0000-4000-8000-000000000000', oid: alphaIds[0] }))).status).toBe(404);
  });

  it('pages with total_pages, next and previous, and filters by modified_date', async () => {
    await post(w.hostKey, writer('p1@example.org'));
    await post(w.hostKey, writer('p2@example.org'));
    const page1 = await list(w.hostKey, '?per_page=3');
    expect(page1).toMatchObject({ total_records: 4, total_pages: 2, per_page: 3, page: 1 });
    expect(page1._embedded['osdi:outreaches']).toHaveLength(3);
    expect(page1._links.next.href).toContain('page=2');
    expect(page1._links.previous).toBeUndefined();
    const page2 = await list(w.hostKey, '?per_page=3&page=2');
    expect(page2._embedded['osdi:outreaches']).toHaveLength(1);
    expect(page2._links.previous.href).toContain('page=1');
    expect(page2._links.next).toBeUndefined();
    const [{ at }] = await queryRows<{ at: string }>((await getTestDb()).db, sql`select max(updated_at)::text as at from letters`);
    const since = encodeURIComponent(`modified_date gt '${new Date(new Date(at).getTime() + 1).toISOString()}'`);
    expect((await list(w.hostKey, `?filter=${since}`)).total_records).toBe(0);
    await confirmByEmail('p1@example.org');
    const changed = await list(w.hostKey, `?filter=${since}`);
    expect(changed.total_records).toBe(2);
    expect(changed._links.self.href).toContain('filter=');
  });
});

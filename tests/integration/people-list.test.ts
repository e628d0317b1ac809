import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { supporters } from '@/db/schema';
import { getPerson } from '@/lib/people/get-person';
import { listSigners } from '@/lib/people/list-signers';
import { parseSignerFilters, signerFiltersToParams } from '@/lib/people/signer-filters';
import { outboxTo, secondCampaign, seedWorld, signer } from './people-fixtures';
import { makeStaff } from './staff-fixtures';

const day = (d: string) => new Date(`${d}T12:00:00Z`);

async function world() {
  const w = await seedWorld();
  const other = await secondCampaign(w);
  const analyst = await makeStaff('analyst');
  const a = await signer({ firstName: 'Ada', lastName: 'Lovelace', email: 'ada@example.org', state: 'CA', campaignId: w.campaignId, source: 'newsletter', optedIn: true, signedAt: day('2025-01-10') });
  const b = await signer({ firstName: 'Bob', lastName: '100%_Real', email: 'bob@example.org', state: 'NY', campaignId: w.campaignId, source: 'twitter', verified: false, signedAt: day('2025-02-05') });
  const c = await signer({ firstName: 'Cleo', lastName: 'Abbott', email: 'cleo@example.net', state: 'TX', campaignId: w.campaignId, comment: 'Please act', signedAt: day('2025-03-01') });
  const d = await signer({ firstName: 'Dan', lastName: 'Zed', email: 'dan@example.org', state: 'CA', campaignId: other, source: 'newsletter', signedAt: day('2025-03-15') });
  return { ...w, other, analyst, a, b, c, d };
}

const ids = (rows: { signatureId: string }[]) => rows.map((r) => r.signatureId);

describe('listSigners', () => {
  it('filters by campaign, state, verified, opted-in, source and dates', async () => {
    const w = await world();
    const list = (input: Record<string, unknown>) => listSigners({ actor: w.analyst, input });

    expect((await list({})).total).toBe(4);
    expect(ids((await list({ campaignId: w.campaignId })).rows).sort()).toEqual([w.a, w.b, w.c].map((s) => s.signatureId).sort());
    expect(ids((await list({ state: 'ca' })).rows).sort()).toEqual([w.a, w.d].map((s) => s.signatureId).sort());
    expect(ids((await list({ verified: 'no' })).rows)).toEqual([w.b.signatureId]);
    expect((await list({ verified: 'yes' })).total).toBe(3);
    expect(ids((await list({ optedIn: 'yes' })).rows)).toEqual([w.a.signatureId]);
    expect((await list({ optedIn: 'no' })).total).toBe(3);
    // Unsubscribing withdraws the opt-in everywhere.
    await getDb().update(supporters).set({ unsubscribedAt: new Date() }).where(eq(supporters.id, w.a.supporterId));
    expect((await list({ optedIn: 'yes' })).total).toBe(0);
    expect((await list({ optedIn: 'no' })).total).toBe(4);
    expect((await list({ q: 'ada' })).rows[0].optedIn).toBe(false);
    await getDb().update(supporters).set({ unsubscribedAt: null }).where(eq(supporters.id, w.a.supporterId));
    expect(ids((await list({ source: 'newsletter', campaignId: w.campaignId })).rows)).toEqual([w.a.signatureId]);
    expect(ids((await list({ from: '2025-02-05', to: '2025-03-01' })).rows)).toEqual([w.c, w.b].map((s) => s.signatureId));
    expect(ids((await list({ comment: 'pending' })).rows)).toEqual([w.c.signatureId]);
  });

  it('searches names and emails with literal % and _', async () => {
    const w = await world();
    const q = async (text: string) => ids((await listSigners({ actor: w.analyst, input: { q: text } })).rows);
    expect(await q('LOVE')).toEqual([w.a.signatureId]);
    expect(await q('example.net')).toEqual([w.c.signatureId]);
    expect(await q('ada lovelace')).toEqual([w.a.signatureId]);
    expect(await q('100%_')).toEqual([w.b.signatureId]);
    expect(await q('%')).toEqual([w.b.signatureId]);
    expect(await q('_')).toEqual([w.b.signatureId]);
    expect(await q('no such person')).toEqual([]);
  });

  it('sorts and paginates without overlap', async () => {
    const w = await world();
    const list = (input: Record<string, unknown>) => listSigners({ actor: w.analyst, input });
    const byName = await list({ sort: 'last_name', dir: 'asc' });
    expect(byName.rows.map((r) => r.lastName)).toEqual(['100%_Real', 'Abbott', 'Lovelace', 'Zed']);
    const byState = await list({ sort: 'state', dir: 'desc' });
    expect(byState.rows.map((r) => r.state)).toEqual(['TX', 'NY', 'CA', 'CA']);
    const newest = await list({});
    expect(newest.rows[0].signatureId).toBe(w.d.signatureId);

    const p1 = await list({ pageSize: 3, page: 1, sort: 'signed_at', dir: 'asc' });
    const p2 = await list({ pageSize: 3, page: 2, sort: 'signed_at', dir: 'asc' });
    expect(p1.pageCount).toBe(2);
    expect(p1.rows).toHaveLength(3);
    expect(ids(p2.rows)).toEqual([w.d.signatureId]);
    expect(new Set([...ids(p1.rows), ...ids(p2.rows)]).size).toBe(4);
  });

  it('refuses roles without people:view and rejects bad input', async () => {
    const w = await world();
    for (const role of ['viewer', 'editor'] as const) {
      await expect(listSigners({ actor: await makeStaff(role), input: {} })).rejects.toMatchObject({ code: 'FORBIDDEN' });
      await expect(getPerson({ actor: await makeStaff(role), input: { supporterId: w.a.supporterId } })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    }
    await expect(listSigners({ actor: w.analyst, input: { pageSize: 500 } })).rejects.toMatchObject({ code: 'VALIDATION' });
  });
});

describe('parseSignerFilters', () => {
  it('drops malformed parameters and round-trips through query strings', () => {
    const { filters, invalid } = parseSignerFilters(
      new URLSearchParams('state=ny&verified=maybe&pageSize=1000&q=%25x&sort=last_name&from='),
    );
    expect(invalid.sort()).toEqual(['pageSize', 'verified']);
    expect(filters).toMatchObject({ state: 'NY', q: '%x', sort: 'last_name', page: 1, pageSize: 25 });
    expect(filters.verified).toBeUndefined();
    expect(signerFiltersToParams(filters).toString()).toBe('state=NY&q=%25x&sort=last_name');
  });
});

describe('getPerson', () => {
  it('shows signatures, letters and emails sent to the person', async () => {
    const w = await world();
    await outboxTo('ada@example.org', 'signature-confirmation', 'sent');
    await outboxTo('someone-else@example.org', 'signature-confirmation', 'sent');
    const person = await getPerson({ actor: w.analyst, input: { supporterId: w.a.supporterId } });
    expect(person.email).toBe('ada@example.org');
    expect(person.signatures).toHaveLength(1);
    expect(person.emails).toHaveLength(1);
    expect(person.emails[0]).toMatchObject({ template: 'signature-confirmation', status: 'sent' });
    expect(person.emails[0]).not.toHaveProperty('renderedHtml');
    await expect(getPerson({ actor: w.analyst, input: { supporterId: 'not-a-uuid' } })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});

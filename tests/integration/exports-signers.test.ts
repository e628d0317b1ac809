import { parse } from 'csv-parse/sync';
import { eq, sql } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Db } from '@/db/client';
import { queryRows } from '@/db/raw';
import { auditLog, campaigns, signatures, supporters } from '@/db/schema';
import { seedDatabase } from '@/db/seed/seed-database';
import { openBatchSource } from '@/lib/exports/batch-source';
import { openCopySource } from '@/lib/exports/copy-source';
import { neutraliseCell } from '@/lib/exports/csv-safety';
import type { CsvSource } from '@/lib/exports/csv-source';
import { exportSigners, MAX_CONCURRENT_EXPORTS, type SignerExport } from '@/lib/exports/export-signers';
import { renderInlined } from '@/lib/exports/inline-sql';
import { listRecentExports } from '@/lib/exports/list-recent-exports';
import type { ExportSignersInput } from '@/lib/exports/schemas';
import { signerExportSelect } from '@/lib/exports/signer-export-query';
import type { StaffActor } from '@/lib/auth/actor';
import { getTestDb, testDriver } from '../support/test-db';
import { rejection } from '../support/rejection';
import { makeStaff } from './staff-fixtures';

const CRM_HEADER = ['First name', 'Last name', 'Email', 'ZIP', 'State', 'Verified', 'Opted in', 'Source', 'Signed at (UTC)'];
const DELIVERY_HEADER = ['Full name', 'City', 'State'];
const HOSTILE = ['=HYPERLINK("http://x")', '+1', '-2', '@x', '\tx', '\rx'];

let db: Db;
let campaignId: string;
let otherCampaignId: string;
let analyst: StaffActor;

type Signer = {
  first: string;
  last?: string;
  email?: string | null;
  zip?: string;
  city?: string | null;
  state?: string | null;
  source?: string | null;
  optedIn?: boolean;
  verified?: boolean;
  at?: string;
  campaign?: string;
  unsubscribed?: boolean;
  forgotten?: boolean;
};

// The tests that write 12,000 and 30,000 signers: seconds on a quiet machine, far more on a busy
// 2-core one beside the e2e build (where the default 30 s ran out).
const HEAVY_MS = 120_000;

let seq = 0;
async function addSigner(s: Signer) {
  seq++;
  const [sup] = await db
    .insert(supporters)
    .values({
      email: s.email === undefined ? `signer${seq}@example.org` : s.email,
      firstName: s.first,
      lastName: s.last ?? `Last${seq}`,
      zip: s.zip ?? '20002',
      city: s.city ?? null,
      state: s.state ?? 'DC',
      unsubscribedAt: s.unsubscribed ? new Date() : null,
      forgottenAt: s.forgotten ? new Date() : null,
    })
    .returning({ id: supporters.id });
  await db.insert(signatures).values({
    campaignId: s.campaign ?? campaignId,
    supporterId: sup.id,
    firstName: s.first,
    lastName: s.last ?? `Last${seq}`,
    zip: s.zip ?? '20002',
    city: s.city ?? null,
    state: s.state === undefined ? 'DC' : s.state,
    source: s.source ?? null,
    optedIn: s.optedIn ?? false,
    verifiedAt: s.verified ? new Date('2025-01-02T00:00:00Z') : null,
    createdAt: new Date(s.at ?? '2025-01-01T12:00:00Z'),
  });
}

function parseCsv(bytes: Uint8Array): { header: string[]; rows: Record<string, string>[] } {
  const text = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
  const records = parse(text, { bom: true }) as string[][];
  const [header, ...body] = records;
  return { header, rows: body.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]]))) };
}

async function readAll(body: ReadableStream<Uint8Array>): Promise<Uint8Array> {
  return new Uint8Array(await new Response(body).arrayBuffer());
}

async function run(input: ExportSignersInput, actor = analyst) {
  const result = await exportSigners({ actor, input, now: new Date('2025-06-30T10:00:00Z') });
  const bytes = await readAll(result.body);
  const outcome = await result.done;
  return { result, bytes, outcome, ...parseCsv(bytes) };
}

async function sourceBytes(source: CsvSource): Promise<Buffer> {
  const parts: Buffer[] = [];
  for (let chunk = await source.read(); chunk; chunk = await source.read()) parts.push(Buffer.from(chunk));
  return Buffer.concat(parts);
}

beforeEach(async () => {
  ({ db } = await getTestDb());
  const seeded = await seedDatabase(db, { adminEmail: 'owner@test.example' });
  campaignId = seeded.campaignId;
  const [other] = await db
    .insert(campaigns)
    .values({ organisationId: seeded.organisationId, treatyId: seeded.treatyId, slug: 'other-campaign', title: 'Other' })
    .returning({ id: campaigns.id });
  otherCampaignId = other.id;
  analyst = await makeStaff('analyst', { email: 'analyst@test.example' });
});

describe('exportSigners', () => {
  it('streams the CRM preset as UTF-8 CSV with a BOM, one row per signature, oldest first', async () => {
    await addSigner({ first: 'Émile', last: 'Zola, Jr.', email: 'emile@example.org', zip: '10001', state: 'NY', source: 'bluesky', optedIn: true, verified: true, at: '2025-01-03T08:09:10Z' });
    await addSigner({ first: 'Ada', last: 'Lovelace', email: 'ada@example.org', city: 'Boston', state: 'MA', at: '2025-01-01T00:00:00Z' });
    await addSigner({ first: 'Other', campaign: otherCampaignId });

    const { bytes, header, rows, outcome, result } = await run({ preset: 'crm', campaignId });
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(result.filename).toBe('protect-children-protocol-signers-2025-06-30.csv');
    expect(header).toEqual(CRM_HEADER);
    expect(rows).toEqual([
      { 'First name': 'Ada', 'Last name': 'Lovelace', Email: 'ada@example.org', ZIP: '20002', State: 'MA', Verified: 'no', 'Opted in': 'no', Source: '', 'Signed at (UTC)': '2025-01-01 00:00:00' },
      { 'First name': 'Émile', 'Last name': 'Zola, Jr.', Email: 'emile@example.org', ZIP: '10001', State: 'NY', Verified: 'yes', 'Opted in': 'yes', Source: 'bluesky', 'Signed at (UTC)': '2025-01-03 08:09:10' },
    ]);
    expect(outcome).toMatchObject({ rows: 2, aborted: false, failed: false });
  });

  it('the delivery preset has full name, city and state and no email at all', async () => {
    await addSigner({ first: 'Ada', last: 'Lovelace', email: 'ada@example.org', city: 'Boston', state: 'MA' });
    await addSigner({ first: 'Grace', last: 'Hopper', email: 'grace@example.org', city: null, state: 'NY', at: '2025-02-01T00:00:00Z' });

    const { bytes, header, rows } = await run({ preset: 'delivery', campaignId });
    expect(header).toEqual(DELIVERY_HEADER);
    expect(rows).toEqual([
      { 'Full name': 'Ada Lovelace', City: 'Boston', State: 'MA' },
      { 'Full name': 'Grace Hopper', City: '', State: 'NY' },
    ]);
    const text = new TextDecoder().decode(bytes);
    expect(text).not.toContain('@example.org');
    expect(text.toLowerCase()).not.toContain('email');
  });

  it('neutralises cells that a spreadsheet would run as a formula, in every user-typed column', async () => {
    for (const [i, value] of HOSTILE.entries()) {
      await addSigner({ first: value, last: value, city: value, source: value, zip: value, at: `2025-01-0${i + 1}T00:00:00Z` });
    }
    await addSigner({ first: '', last: '=1+1', email: '=x@example.org', city: '@SUM(A1)', at: '2025-01-09T00:00:00Z' });

    const crm = await run({ preset: 'crm', campaignId });
    expect(crm.rows).toHaveLength(HOSTILE.length + 1);
    for (const [i, value] of HOSTILE.entries()) {
      const row = crm.rows[i];
      expect(row['First name']).toBe(`'${value}`);
      expect(row['Last name']).toBe(`'${value}`);
      expect(row.ZIP).toBe(`'${value}`);
      expect(row.Source).toBe(`'${value}`);
    }
    expect(crm.rows[0]['First name']).toBe(`'=HYPERLINK("http://x")`);
    expect(crm.rows[HOSTILE.length]).toMatchObject({ 'First name': '', 'Last name': "'=1+1", Email: "'=x@example.org" });

    const delivery = await run({ preset: 'delivery', campaignId });
    expect(delivery.rows[0]).toEqual({ 'Full name': `'=HYPERLINK("http://x") =HYPERLINK("http://x")`, City: `'=HYPERLINK("http://x")`, State: 'DC' });
    // An empty first name must not let the last name's `=` reach the start of the cell.
    expect(delivery.rows[HOSTILE.length]).toEqual({ 'Full name': "'=1+1", City: "'@SUM(A1)", State: 'DC' });
    // No cell of either file starts with a formula character any more.
    for (const row of [...crm.rows, ...delivery.rows]) {
      for (const cell of Object.values(row)) expect(neutraliseCell(cell)).toBe(cell);
    }
  });

  it('the SQL rule agrees with the JavaScript reference on tricky values', async () => {
    const values = [...HOSTILE, '', 'plain', "'=already", ' =space', '\n=newline', '==', '-', 'ñ=', '😀=x'];
    const list = sql.join(values.map((v) => sql`(${v}::text)`), sql`, `);
    const { neutraliseSql } = await import('@/lib/exports/csv-safety');
    const rows = await queryRows<{ v: string; out: string }>(
      db,
      sql`select v, ${neutraliseSql(sql`v`)} as out from (values ${list}) as t(v)`,
    );
    for (const r of rows) expect(r.out).toBe(neutraliseCell(r.v));
    expect(rows).toHaveLength(values.length);
  });

  it('applies the people-table filters', async () => {
    await addSigner({ first: 'Keep', last: 'Match', email: 'keep@example.org', state: 'NY', source: 'news', optedIn: true, verified: true, at: '2025-03-10T12:00:00Z' });
    await addSigner({ first: 'Wrong', last: 'State', state: 'CA', source: 'news', optedIn: true, verified: true, at: '2025-03-10T12:00:00Z' });
    await addSigner({ first: 'Not', last: 'Verified', state: 'NY', source: 'news', optedIn: true, verified: false, at: '2025-03-10T12:00:00Z' });
    await addSigner({ first: 'Not', last: 'Opted', state: 'NY', source: 'news', optedIn: false, verified: true, at: '2025-03-10T12:00:00Z' });
    await addSigner({ first: 'Other', last: 'Source', state: 'NY', source: 'mail', optedIn: true, verified: true, at: '2025-03-10T12:00:00Z' });
    await addSigner({ first: 'Too', last: 'Early', state: 'NY', source: 'news', optedIn: true, verified: true, at: '2025-03-09T23:59:59Z' });
    await addSigner({ first: 'Too', last: 'Late', state: 'NY', source: 'news', optedIn: true, verified: true, at: '2025-03-12T00:00:00Z' });
    await addSigner({ first: 'Last', last: 'Day', state: 'NY', source: 'news', optedIn: true, verified: true, at: '2025-03-11T23:59:59Z' });
    await addSigner({ first: 'Other', last: 'Campaign', state: 'NY', source: 'news', optedIn: true, verified: true, at: '2025-03-10T12:00:00Z', campaign: otherCampaignId });
    await addSigner({ first: 'Forgotten', state: 'NY', source: 'news', optedIn: true, verified: true, at: '2025-03-10T12:00:00Z', forgotten: true, email: null });

    const filters = { campaignId, state: 'ny', verified: 'yes', optedIn: 'yes', source: 'news', from: '2025-03-10', to: '2025-03-11' } as const;
    const all = await run({ preset: 'crm', ...filters });
    expect(all.rows.map((r) => `${r['First name']} ${r['Last name']}`)).toEqual(['Keep Match', 'Last Day']);

    const searched = await run({ preset: 'crm', ...filters, q: 'KEEP@' });
    expect(searched.rows.map((r) => r['Last name'])).toEqual(['Match']);
    // `%` is matched literally, not as a wildcard.
    expect((await run({ preset: 'crm', campaignId, q: '%' })).rows).toHaveLength(0);

    const unverified = await run({ preset: 'delivery', campaignId, verified: 'no' });
    expect(unverified.rows.map((r) => r['Full name'])).toEqual(['Not Verified']);

    const everywhere = await run({ preset: 'delivery', state: 'NY', source: 'news', verified: 'yes', optedIn: 'yes', from: '2025-03-10', to: '2025-03-10' });
    expect(everywhere.result.filename).toBe('all-campaigns-signers-2025-06-30.csv');
    expect(everywhere.rows.map((r) => r['Full name']).sort()).toEqual(['Keep Match', 'Other Campaign']);
  });

  it('an unsubscribed supporter is not opted in, whatever the signature says', async () => {
    await addSigner({ first: 'Gone', optedIn: true, unsubscribed: true });
    const { rows } = await run({ preset: 'crm', campaignId });
    expect(rows[0]['Opted in']).toBe('no');
  });

  it('writes one export.signers audit row with who, preset, filters and row count, never the search text', async () => {
    for (let i = 0; i < 3; i++) await addSigner({ first: `Person${i}`, last: 'Smith', state: 'TX' });
    const { outcome } = await run({ preset: 'delivery', campaignId, state: 'TX', q: 'smith' });
    expect(outcome.rows).toBe(3);

    const rows = await db.select().from(auditLog).where(eq(auditLog.action, 'export.signers'));
    expect(rows).toHaveLength(1);
    const [row] = rows;
    expect(row).toMatchObject({ actorUserId: analyst.id, actorEmail: analyst.email, entityType: 'campaign', entityId: campaignId });
    expect(row.data).toMatchObject({ preset: 'delivery', rows: 3, aborted: false, filters: { campaignId, state: 'TX', search: true } });
    expect(Date.parse(String(row.data.startedAt))).toBeLessThanOrEqual(row.createdAt.getTime());
    expect(JSON.stringify(row.data)).not.toContain('smith');

    const recent = await listRecentExports({ actor: analyst });
    expect(recent).toEqual([expect.objectContaining({ preset: 'delivery', rows: 3, aborted: false, campaignTitle: expect.any(String) })]);
    expect(await listRecentExports({ actor: { ...analyst, id: 'someone-else' } })).toEqual([]);
  });

  it('pages through many rows with identical timestamps without losing or repeating any', async () => {
    await db.execute(sql`
      with s as (
        insert into supporters (email, first_name, last_name, zip, state)
        select 'bulk' || g || '@example.org', 'Bulk', 'N' || g, '20002', 'DC' from generate_series(1, 12003) g
        returning id, first_name, last_name)
      insert into signatures (campaign_id, supporter_id, first_name, last_name, state, created_at)
      select ${campaignId}, id, first_name, last_name, 'DC', timestamptz '2025-01-01 00:00:00.123456+00' from s`);
    const { rows, outcome } = await run({ preset: 'crm', campaignId });
    expect(outcome.rows).toBe(12003);
    expect(new Set(rows.map((r) => r['Last name'])).size).toBe(12003);

    const small = await sourceBytes(openBatchSource(db, 'crm', { campaignId }, 997));
    const big = await sourceBytes(openBatchSource(db, 'crm', { campaignId }, 50_000));
    expect(small.equals(big)).toBe(true);
  }, HEAVY_MS);

  it('an aborted download is recorded with aborted: true and the rows sent so far', async () => {
    await db.execute(sql`
      with s as (
        insert into supporters (email, first_name, last_name, zip, state)
        select 'bulk' || g || '@example.org', 'Bulk', 'N' || g, '20002', 'DC' from generate_series(1, 30000) g
        returning id, first_name, last_name)
      insert into signatures (campaign_id, supporter_id, first_name, last_name, state) select ${campaignId}, id, first_name, last_name, 'DC' from s`);
    const result: SignerExport = await exportSigners({ actor: analyst, input: { preset: 'crm', campaignId } });
    const reader = result.body.getReader();
    await reader.read(); // BOM
    await reader.read(); // first chunk
    await reader.cancel();
    const outcome = await result.done;
    expect(outcome.aborted).toBe(true);
    expect(outcome.rows).toBeGreaterThan(0);
    expect(outcome.rows).toBeLessThan(30000);
    const [row] = await db.select().from(auditLog).where(eq(auditLog.action, 'export.signers'));
    expect(row.data).toMatchObject({ aborted: true, rows: outcome.rows });
    // The server stopped the COPY and every pooled connection is usable again.
    const counts = await Promise.all(
      Array.from({ length: 8 }, () => queryRows<{ n: number }>(db, sql`select count(*)::int as n from signatures`)),
    );
    expect(counts.map(([r]) => r.n)).toEqual(Array(8).fill(30000));
    if (testDriver() === 'postgres') {
      const [{ copies }] = await queryRows<{ copies: number }>(
        db,
        sql`select count(*)::int as copies from pg_stat_activity where state = 'active' and query ilike 'copy (%'`,
      );
      expect(copies).toBe(0);
    }
  }, HEAVY_MS);

  it('runs at most MAX_CONCURRENT_EXPORTS at once, and frees the slot when one ends', async () => {
    await addSigner({ first: 'Ada' });
    const open = await Promise.all(
      Array.from({ length: MAX_CONCURRENT_EXPORTS }, () => exportSigners({ actor: analyst, input: { preset: 'crm', campaignId } })),
    );
    expect((await rejection(exportSigners({ actor: analyst, input: { preset: 'crm' } }))).code).toBe('RATE_LIMITED');
    await open[0].body.cancel();
    await open[0].done;
    const next = await run({ preset: 'delivery', campaignId });
    expect(next.rows).toHaveLength(1);
    for (const e of open.slice(1)) await readAll(e.body);
    expect((await run({ preset: 'crm', campaignId })).rows).toHaveLength(1);
  });

  it('refuses other roles, bad input and unknown campaigns', async () => {
    const editor: StaffActor = { id: 'e', email: 'e@test.example', role: 'editor' };
    expect((await rejection(exportSigners({ actor: editor, input: { preset: 'crm' } }))).code).toBe('FORBIDDEN');
    expect((await rejection(exportSigners({ actor: { ...editor, role: 'viewer' }, input: { preset: 'crm' } }))).code).toBe('FORBIDDEN');
    expect((await rejection(exportSigners({ actor: analyst, input: { preset: 'everything' } }))).code).toBe('VALIDATION');
    expect((await rejection(exportSigners({ actor: analyst, input: { preset: 'crm', campaignId: 'x; drop' } }))).code).toBe('VALIDATION');
    expect((await rejection(exportSigners({ actor: analyst, input: { preset: 'crm', from: "2025-01-01'" } }))).code).toBe('VALIDATION');
    const unknown = '00000000-0000-4000-8000-000000000000';
    expect((await rejection(exportSigners({ actor: analyst, input: { preset: 'crm', campaignId: unknown } }))).code).toBe('NOT_FOUND');
    const [{ n }] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from audit_log where action = 'export.signers'`);
    expect(n).toBe(0);
  });
});

describe.runIf(testDriver() === 'postgres')('COPY path (PostgreSQL)', () => {
  it('gives every connection back even when a slow reader leaves the buffer full at the end', async () => {
    await db.execute(sql`
      with s as (
        insert into supporters (email, first_name, last_name, zip, state)
        select 'bulk' || g || '@example.org', 'Bulk', 'N' || g, '20002', 'DC' from generate_series(1, 3000) g
        returning id, first_name, last_name)
      insert into signatures (campaign_id, supporter_id, first_name, last_name, state) select ${campaignId}, id, first_name, last_name, 'DC' from s`);
    const { sql: pg } = await getTestDb();
    const text = renderInlined(signerExportSelect('crm', { campaignId }));
    // More rounds than the pool (5) has connections: a leaked one would make reserve() wait forever.
    for (let round = 0; round < 7; round++) {
      const source = await openCopySource(pg!, text);
      let lines = 0;
      for (;;) {
        // The slow reader under test, not a wait for a result: postgres.js fills the buffer meanwhile.
        await new Promise((r) => setTimeout(r, 5));
        const chunk = await source.read();
        if (!chunk) break;
        for (const byte of chunk) if (byte === 10) lines++;
      }
      // Every row arrived (the header and 3,000 signers), however the reader paced itself.
      expect(lines).toBe(3001);
    }
    const [{ n }] = await queryRows<{ n: number }>(db, sql`select count(*)::int as n from signatures`);
    expect(n).toBe(3000);
  }, 60_000);

  it('writes byte-for-byte what the PGlite batch path writes, quotes and all', async () => {
    const values = [...HOSTILE, 'a,b', 'say "hi"', "O'Brien\\", '', 'multi\nline', 'ñandú 😀', '\\.'];
    for (const [i, v] of values.entries()) {
      await addSigner({ first: v, last: v, city: v, source: v, at: `2025-01-01T00:00:${String(i).padStart(2, '0')}Z` });
    }
    const { sql: pg } = await getTestDb();
    for (const preset of ['crm', 'delivery'] as const) {
      for (const filters of [{ campaignId }, { campaignId, q: "o'brien\\" }, { q: '$1 %' }]) {
        const copy = await sourceBytes(await openCopySource(pg!, renderInlined(signerExportSelect(preset, filters))));
        const batch = await sourceBytes(openBatchSource(db, preset, filters, 4));
        expect(copy.toString('utf8')).toBe(batch.toString('utf8'));
      }
    }
  });
});

// `npm run bench:export`: the signer CSV export through the real route (`GET /api/exports/signers`,
// CRM preset, signed in as an analyst) against a plain `COPY (SELECT same columns) TO STDOUT` of the
// same rows via postgres.js, for 100,000 and 1,000,000 rows, in one run on the production server
// over a fresh PostgreSQL database that is dropped afterwards. Prints times, the ratio and the
// server's memory growth (VmRSS of its process tree every 50 ms: baseline before, peak during).
// Never fails on a timing; fails only on wrong data (row count, header, an unneutralised formula,
// a missing audit row) or a server that would not start.
//
//   BENCH_DATABASE_URL  server to create the scratch database on (default postgres://postgres@127.0.0.1:5432/postgres)
//   BENCH_RUNS          timed runs per size and method (default 3; the median is reported)
//   BENCH_KEEP_DB=1     keep the database (prints its URL) for another look
import { spawn, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { eq, sql } from 'drizzle-orm';
import postgres from 'postgres';
import { openPostgres } from '@/db/client';
import { migrateDb } from '@/db/migrate';
import { campaigns, sessions, users } from '@/db/schema';
import { seedDatabase } from '@/db/seed/seed-database';
import { CsvRecordCounter } from '@/lib/exports/csv-format';
import { renderInlined } from '@/lib/exports/inline-sql';
import { exportHeader, signerExportSelect } from '@/lib/exports/signer-export-query';

const root = path.resolve(__dirname, '..', '..');
const adminUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const runs = Math.max(1, Number(process.env.BENCH_RUNS ?? 3));
const BIG = 1_000_000;
const SMALL = 100_000;
const HOSTILE_EVERY = 1000; // one signer in a thousand is named =HYPERLINK("http://x")
const NEUTRALISED = `"'=HYPERLINK(""http://x"")"`;
const RAW_FORMULA = '=HYPERLINK(';

const log = (...args: unknown[]) => console.log(...args);
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
const secs = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

async function createDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `ratify_bench_export_${Date.now().toString(36)}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}"`);
  const u = new URL(adminUrl);
  u.pathname = `/${name}`;
  return {
    url: u.toString(),
    drop: async () => {
      if (process.env.BENCH_KEEP_DB === '1') log(`kept database ${u}`);
      else await admin.unsafe(`drop database if exists "${name}" with (force)`);
      await admin.end();
    },
  };
}

/** 1.1M supporters and signatures in two set-based statements: 1M on one campaign, 100k on another. */
async function load(db: ReturnType<typeof openPostgres>['db'], bigId: string, smallId: string) {
  const started = Date.now();
  await db.execute(sql`
    insert into supporters (email, first_name, last_name, zip, city, state, email_verified_at, created_at)
    select 'signer' || g || '@bench.example',
           case when g % ${HOSTILE_EVERY} = 0 then '=HYPERLINK("http://x")' else 'First' || g end,
           case when g % 997 = 0 then 'O''Brien, "Jr."' else 'Last' || g end,
           lpad((g % 99999)::text, 5, '0'),
           case when g % 7 = 0 then null else 'City ' || (g % 500) end,
           (array['CA','NY','TX','FL','PA','IL','OH','GA','NC','MI'])[1 + g % 10],
           case when g % 3 = 0 then null else now() end,
           now() - g * interval '1 second'
    from generate_series(1, ${BIG + SMALL}) g`);
  await db.execute(sql`
    insert into signatures (campaign_id, supporter_id, first_name, last_name, zip, city, state, source, opted_in, verified_at, created_at)
    select case when s.n <= ${BIG} then ${bigId}::uuid else ${smallId}::uuid end, s.id, s.first_name, s.last_name, s.zip, s.city, s.state,
           (array['bluesky', 'newsletter', null, '+promo'])[1 + s.n % 4], s.n % 2 = 0,
           s.email_verified_at, s.created_at
    from (select id, first_name, last_name, zip, city, state, email_verified_at, created_at,
                 row_number() over (order by created_at desc) as n from supporters) s`);
  await db.execute(sql`analyze supporters`);
  await db.execute(sql`analyze signatures`);
  log(`loaded ${(BIG + SMALL).toLocaleString('en-US')} signers in ${secs(Date.now() - started)}`);
}

function startServer(port: number, databaseUrl: string, authSecret: string): ChildProcess {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    NEXT_TELEMETRY_DISABLED: '1',
    NEXT_DIST_DIR: process.env.NEXT_DIST_DIR ?? '.next-bench',
    PORT: String(port),
    APP_URL: `http://localhost:${port}`,
    DATABASE_URL: databaseUrl,
    AUTH_SECRET: authSecret,
    OUTBOX_IN_APP: '0',
    SEED_ON_START: '0', // seeded above; no roster import competing for the CPU
    LOG_LEVEL: 'warn',
  };
  delete env.PGLITE_DATA_DIR;
  // Own process group, so the builder/server tree can be stopped as one.
  return spawn(process.execPath, [path.join(root, 'lib', 'cli', 'start.mjs')], { cwd: root, env, stdio: 'inherit', detached: true });
}

async function waitForServer(base: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 900_000; // includes a build when sources changed
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with code ${child.exitCode}`);
    try {
      const res = await fetch(`${base}/api/health`);
      if (res.ok) return;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) throw new Error('server did not become healthy in time');
    await new Promise((r) => setTimeout(r, 500));
  }
}

/** VmRSS (bytes) summed over a process and its descendants: start.mjs → next start. */
function treeRss(rootPid: number): number {
  const children = new Map<number, number[]>();
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      const list = children.get(ppid) ?? [];
      list.push(Number(entry));
      children.set(ppid, list);
    } catch {
      // exited meanwhile
    }
  }
  let total = 0;
  const stack = [rootPid];
  while (stack.length) {
    const pid = stack.pop()!;
    try {
      const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
      const m = /VmRSS:\s+(\d+) kB/.exec(status);
      if (m) total += Number(m[1]) * 1024;
    } catch {
      // exited meanwhile
    }
    stack.push(...(children.get(pid) ?? []));
  }
  return total;
}

function sampleMemory(pid: number) {
  const baseline = treeRss(pid);
  let peak = baseline;
  const timer = setInterval(() => {
    peak = Math.max(peak, treeRss(pid));
  }, 50);
  return {
    stop: () => {
      clearInterval(timer);
      peak = Math.max(peak, treeRss(pid));
      return { baseline, peak, growth: peak - baseline };
    },
  };
}

/** Counts records, bytes and the hostile cells of a CSV byte stream, across chunk boundaries. */
class CsvCheck {
  counter = new CsvRecordCounter();
  bytes = 0;
  neutralised = 0;
  raw = 0;
  first = Buffer.alloc(0);
  private tail = '';

  push(chunk: Buffer) {
    this.counter.push(chunk);
    this.bytes += chunk.length;
    if (this.first.length < 512) this.first = Buffer.concat([this.first, chunk.subarray(0, 512)]);
    const text = this.tail + chunk.toString('latin1');
    // Count matches that start in the new part only (the tail was scanned last time).
    const from = Math.max(0, this.tail.length - NEUTRALISED.length + 1);
    this.neutralised += occurrences(text, NEUTRALISED, from);
    this.raw += occurrences(text, RAW_FORMULA, Math.max(0, this.tail.length - RAW_FORMULA.length + 1));
    this.tail = text.slice(-64);
  }
}

function occurrences(text: string, needle: string, from: number): number {
  let n = 0;
  for (let i = text.indexOf(needle, from); i !== -1; i = text.indexOf(needle, i + 1)) n++;
  return n;
}

async function drain(stream: Readable, check: CsvCheck): Promise<void> {
  for await (const chunk of stream) check.push(chunk as Buffer);
}

async function plainCopy(pg: postgres.Sql, selectText: string): Promise<{ ms: number; check: CsvCheck }> {
  const check = new CsvCheck();
  const started = performance.now();
  const readable = (await pg.unsafe(`copy (${selectText}) to stdout with (format csv, header true)`).readable()) as Readable;
  await drain(readable, check);
  // The postgres.js quirk handled in lib/exports/copy-source.ts: a full buffer at the end leaves
  // the socket paused, and the connection's next query would never be answered.
  (readable as unknown as { _read(size: number): void })._read(0);
  return { ms: performance.now() - started, check };
}

function routeExport(
  base: string,
  query: string,
  cookie: string,
  opts: { abortAfterBytes?: number } = {},
): Promise<{ ms: number; check: CsvCheck; status: number; headers: http.IncomingHttpHeaders }> {
  return new Promise((resolve, reject) => {
    const check = new CsvCheck();
    const started = performance.now();
    const req = http.get(`${base}/api/exports/signers?${query}`, { headers: { cookie } }, (res) => {
      res.on('data', (chunk: Buffer) => {
        check.push(chunk);
        if (opts.abortAfterBytes && check.bytes >= opts.abortAfterBytes) {
          req.destroy();
          resolve({ ms: performance.now() - started, check, status: res.statusCode ?? 0, headers: res.headers });
        }
      });
      res.on('end', () => resolve({ ms: performance.now() - started, check, status: res.statusCode ?? 0, headers: res.headers }));
      res.on('error', reject);
    });
    req.on('error', (e) => (opts.abortAfterBytes ? undefined : reject(e)));
  });
}

function assert(cond: unknown, message: string): asserts cond {
  if (!cond) throw new Error(`check failed: ${message}`);
}

async function main() {
  const { url, drop } = await createDatabase();
  const handle = openPostgres(url, 4);
  let server: ChildProcess | undefined;
  try {
    await migrateDb(handle);
    const seeded = await seedDatabase(handle.db, { adminEmail: 'owner@bench.example' });
    const bigId = seeded.campaignId;
    const [small] = await handle.db
      .insert(campaigns)
      .values({ organisationId: seeded.organisationId, treatyId: seeded.treatyId, slug: 'bench-100k', title: 'Bench 100k', status: 'live' })
      .returning({ id: campaigns.id });
    await load(handle.db, bigId, small.id);

    // Bench setup, not a shortcut in the app: an analyst and an Auth.js database session.
    const [analyst] = await handle.db
      .insert(users)
      .values({ email: 'analyst@bench.example', name: 'Bench analyst', role: 'analyst', emailVerified: new Date() })
      .returning({ id: users.id });
    const token = crypto.randomBytes(32).toString('hex');
    await handle.db.insert(sessions).values({ sessionToken: token, userId: analyst.id, expires: new Date(Date.now() + 86_400_000) });
    const cookie = `authjs.session-token=${token}`;

    const port = await freePort();
    const base = `http://localhost:${port}`;
    server = startServer(port, url, crypto.randomBytes(32).toString('base64'));
    await waitForServer(base, server);
    const pid = server.pid!;
    log(`server up on ${base} (pid ${pid}), RSS ${mb(treeRss(pid))}`);

    // Warm-up: compile the route, open pool connections.
    const warm = await routeExport(base, `preset=crm&campaignId=${small.id}&state=CA&verified=yes&optedIn=yes`, cookie);
    assert(warm.status === 200, `warm-up answered ${warm.status}${warm.status === 401 ? ' (session cookie not accepted)' : ''}`);
    // …and one full-size 100k export, so the first timed run does not pay for heap growth.
    await routeExport(base, `preset=crm&campaignId=${small.id}`, cookie);
    const anon = await fetch(`${base}/api/exports/signers?preset=crm`);
    assert(anon.status === 401, `anonymous export answered ${anon.status}`);

    const header = exportHeader('crm').join(',');
    const results: string[] = [];
    for (const [label, campaignId, rows] of [
      ['100k', small.id, SMALL],
      ['1M', bigId, BIG],
    ] as const) {
      const baselineText = renderInlined(signerExportSelect('crm', { campaignId }, { neutralise: false }));
      const copyMs: number[] = [];
      const routeMs: number[] = [];
      const growths: number[] = [];
      let growth = 0;
      let baselineRss = 0;
      let peakRss = 0;
      let bytes = 0;
      for (let i = 0; i < runs; i++) {
        const copy = await plainCopy(handle.sql!, baselineText);
        assert(copy.check.counter.records === rows + 1, `plain COPY ${label}: ${copy.check.counter.records - 1} rows`);
        copyMs.push(copy.ms);

        await new Promise((r) => setTimeout(r, 300)); // let the server settle before the baseline
        const mem = sampleMemory(pid);
        const res = await routeExport(base, `preset=crm&campaignId=${campaignId}`, cookie);
        const m = mem.stop();
        assert(res.status === 200, `route ${label} answered ${res.status}`);
        assert(String(res.headers['content-disposition']).includes('-signers-'), 'Content-Disposition names the file');
        const c = res.check;
        assert(c.first[0] === 0xef && c.first[1] === 0xbb && c.first[2] === 0xbf, 'starts with a UTF-8 BOM');
        assert(c.first.subarray(3).toString('utf8').startsWith(`${header}\n`), 'CRM header');
        assert(c.counter.records === rows + 1, `route ${label}: ${c.counter.records - 1} rows, expected ${rows}`);
        assert(c.neutralised === rows / HOSTILE_EVERY, `route ${label}: ${c.neutralised} neutralised formulas, expected ${rows / HOSTILE_EVERY}`);
        assert(c.raw === c.neutralised, `route ${label}: ${c.raw - c.neutralised} formulas left as formulas`);
        routeMs.push(res.ms);
        bytes = c.bytes;
        growths.push(m.growth);
        if (m.growth >= growth) ({ growth, baseline: baselineRss, peak: peakRss } = m);
      }
      const cm = median(copyMs);
      const rm = median(routeMs);
      const line =
        `${label.padEnd(4)} rows=${rows.toLocaleString('en-US')} size=${mb(bytes)}  plain COPY ${secs(cm)}  route ${secs(rm)}  ` +
        `ratio ${(rm / cm).toFixed(2)}x  server RSS ${mb(baselineRss)} -> ${mb(peakRss)} (+${mb(growth)}, worst of ${runs})`;
      results.push(line);
      log(line);
      log(
        `     runs: COPY ${copyMs.map((x) => secs(x)).join(', ')}; route ${routeMs.map((x) => secs(x)).join(', ')}; ` +
          `RSS growth ${growths.map((x) => mb(x)).join(', ')}`,
      );
    }

    // A download abandoned half-way stops the COPY and still leaves an audit row.
    const aborted = await routeExport(base, `preset=crm&campaignId=${bigId}`, cookie, { abortAfterBytes: 5_000_000 });
    assert(aborted.status === 200, 'abort run started');
    let abortRow: { rows: number; aborted: boolean } | undefined;
    for (let i = 0; i < 100 && !abortRow; i++) {
      await new Promise((r) => setTimeout(r, 100));
      const [row] = await handle.sql!<{ data: { rows: number; aborted: boolean } }[]>`
        select data from audit_log where action = 'export.signers' and (data->>'aborted')::boolean order by id desc limit 1`;
      abortRow = row?.data;
    }
    assert(abortRow, 'aborted export has an audit row');
    const [{ copies }] = await handle.sql!<{ copies: number }[]>`
      select count(*)::int as copies from pg_stat_activity where state = 'active' and query ilike 'copy (%'`;
    log(`abort: client left after ${mb(aborted.check.bytes)}; audit row rows=${abortRow.rows} aborted=${abortRow.aborted}; COPYs still running: ${copies}`);

    const audit = await handle.db.execute(sql`select count(*)::int as n from audit_log where action = 'export.signers' and actor_user_id = ${analyst.id} and (data->>'aborted')::boolean = false`);
    const n = (audit as unknown as { n: number }[])[0].n;
    assert(n === 2 + runs * 2, `audit rows for completed exports: ${n}, expected ${2 + runs * 2}`);
    await handle.db.delete(sessions).where(eq(sessions.sessionToken, token));

    log('\n=== bench:export (median of runs; target route <= 1.5x plain COPY, growth < 50 MB and flat) ===');
    for (const line of results) log(line);
  } finally {
    if (server?.pid) {
      try {
        process.kill(-server.pid, 'SIGTERM');
      } catch {
        // already gone
      }
    }
    await handle.close();
    await drop();
  }
}

main().then(
  () => process.exit(0),
  (e: Error) => {
    console.error(e.message);
    process.exit(1);
  },
);

// `npm run bench:scale`: what signing costs as the database grows and as instances are added, in one
// run over a fresh PostgreSQL database (dropped afterwards) and two production instances behind the
// round-robin proxy (lib/cli/cluster.mjs, built first when sources changed).
//  1. Database cost of one signature and one letter submission (tests/bench/scale-db-cost.ts) with
//     10k and then 1M existing signatures (bulk-loaded in SQL), and the signatures per second one
//     PostgreSQL core could take, from the backend's CPU time per signature.
//  2. Signing throughput through one instance (direct, and through the proxy pinned to it) and
//     through two behind the proxy, against the bare route (`GET /api/ping`) in the same run, in
//     interleaved rounds as bench:sign does.
// Prints figures; fails only on wrong data (a missing or doubled row or email, load not spread)
// or a server that would not start, never on a timing.
//
//   BENCH_DATABASE_URL  server for the scratch database (default postgres://postgres@127.0.0.1:5432/postgres)
//   BENCH_DURATION      seconds per throughput measurement (default 6)   BENCH_CONNECTIONS (default 50)
//   BENCH_ROUNDS        throughput rounds (default 3; the median is reported)
//   BENCH_PORT          the proxy's port (default 3340); the instances take the next two
import './no-server-only';
import { spawn } from 'node:child_process';
import path from 'node:path';
import type autocannon from 'autocannon';
import postgres from 'postgres';
import { sendLetters } from '@/lib/letters/send-letters';
import { forgetCountBases } from '@/lib/petitions/count-base';
import { signPetition } from '@/lib/petitions/sign-petition';
import { connections, createDatabase, distDir, figures, header, mean, root, row, run, type Figures } from './harness';
import { costHeader, costRow, measureBatch, type Cost } from './scale-db-cost';

const SLUG = 'protect-children-protocol';
const SMALL = 10_000;
const BIG = 1_000_000;
const seconds = Number(process.env.BENCH_DURATION ?? 6);
const roundsN = Math.max(1, Number(process.env.BENCH_ROUNDS ?? 3));
const proxyPort = Number(process.env.BENCH_PORT ?? 3340);
const adminUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const log = (...args: unknown[]) => console.log(...args);
const secs = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const median = <T>(xs: T[], by: (x: T) => number) => [...xs].sort((a, b) => by(a) - by(b))[Math.floor(xs.length / 2)];

type Sql = postgres.Sql;

/** Bring the campaign to `total` signatures (each with its own supporter) in one set-based statement. */
async function loadTo(sql: Sql, campaignId: string, total: number) {
  const started = Date.now();
  const [{ n }] = await sql<{ n: number }[]>`select count(*)::int as n from signatures`;
  if (n < total) {
    // A large load goes in without the secondary indexes, which are then rebuilt sorted: a million
    // inserts at random places in eight indexes larger than shared_buffers took minutes here. Indexes
    // behind a constraint (primary keys, referenced keys) stay.
    const rebuild = total - n > 100_000
      ? await sql<{ name: string; def: string }[]>`
          select i.indexrelid::regclass::text as name, pg_get_indexdef(i.indexrelid) as def
          from pg_index i join pg_class t on t.oid = i.indrelid
          where t.relname in ('supporters', 'signatures') and not exists (select 1 from pg_constraint k where k.conindid = i.indexrelid)`
      : [];
    for (const ix of rebuild) await sql.unsafe(`drop index ${ix.name}`);
    // The rows are consistent by construction: skip the per-row foreign-key checks (triggers) while loading.
    await sql`set session_replication_role = replica`;
    await sql`
      with s as (
        insert into supporters (email, first_name, last_name, zip, state, email_verified_at, created_at)
        select 'existing-' || g || '@bench.ratify.test', 'First' || g, 'Last' || g, '43215', 'OH',
               case when g % 3 = 0 then null else now() end, now() - interval '1 hour' - g * interval '1 second'
        from generate_series(${n + 1}::int, ${total}::int) g
        returning id, first_name, last_name, zip, state, email_verified_at, created_at)
      insert into signatures (campaign_id, supporter_id, first_name, last_name, zip, state, opted_in, verified_at, created_at)
      select ${campaignId}::uuid, id, first_name, last_name, zip, state, false, email_verified_at, created_at from s`;
    await sql`reset session_replication_role`;
    if (rebuild.length) {
      await sql`set maintenance_work_mem = '128MB'`;
      for (const ix of rebuild) await sql.unsafe(ix.def);
      await sql`reset maintenance_work_mem`;
    }
  }
  const loaded = Date.now();
  // As a long-running database would be: hint bits set, visibility map and statistics current, and
  // no autovacuum started by the load in the middle of a measurement.
  await sql.unsafe('vacuum (analyze)');
  const [{ n: now }] = await sql<{ n: number }[]>`select count(*)::int as n from signatures`;
  log(`database: ${now.toLocaleString('en-US')} signatures (loaded in ${secs(loaded - started)}, vacuumed in ${secs(Date.now() - loaded)})`);
  return now;
}

type CostRun = { existing: number; sign: Cost; recount: Cost; letter: Cost };

/** The three batches at the database's current size. */
async function measureCosts(ctx: { url: string; admin: Sql; datname: string; dboid: number; local: boolean }, existing: number, tag: string): Promise<CostRun> {
  const sign = (prefix: string) => async (i: number) => {
    const r = await signPetition({
      input: { campaignSlug: SLUG, firstName: 'Scale', lastName: 'Signer', email: `${prefix}-${tag}-${i}@bench.ratify.test`, zip: '43215', optIn: false },
    });
    if (r.status !== 'signed') throw new Error(`signature ${i} was not new: ${r.status}`);
  };
  const letter = async (i: number) => {
    const r = await sendLetters({
      input: {
        campaignSlug: SLUG, firstName: 'Scale', lastName: 'Writer', email: `scale-letter-${tag}-${i}@bench.ratify.test`, zip: '43215',
        subject: 'Please ratify the protocol', body: 'Dear Senator,\n\nPlease vote to ratify the protocol.\n\nThank you.',
        personalSentence: 'I care about this.',
      },
    });
    if (r.kind !== 'confirm_email' || r.senatorNames.length !== 2) throw new Error(`letter ${i}: ${r.kind}`);
  };
  const recount = sign('scale-recount');
  return {
    existing,
    sign: await measureBatch({ ...ctx, warm: 20, n: 300, action: sign('scale-sig') }),
    // What the first signature after start, and one a minute per instance after that, costs: it
    // recounts the campaign's signatures (lib/petitions/count-base.ts).
    recount: await measureBatch({ ...ctx, warm: 1, n: 8, action: (i) => (forgetCountBases(), recount(i)) }),
    letter: await measureBatch({ ...ctx, warm: 10, n: 100, action: letter }),
  };
}

async function waitForRoster(url: string) {
  for (const deadline = Date.now() + 300_000; Date.now() < deadline; await new Promise((r) => setTimeout(r, 500))) {
    const body = (await (await fetch(`${url}/api/health`)).json().catch(() => ({}))) as { roster?: { senators?: number } };
    if ((body.roster?.senators ?? 0) >= 100) return;
  }
  throw new Error('the senators roster was not imported in time');
}

/**
 * `npm run start:cluster -- 2` in a process of its own, as a deployment's load balancer would be:
 * in this one its proxy would share an event loop with the load tool.
 */
async function startClusterProcess(databaseUrl: string) {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(proxyPort),
    DATABASE_URL: databaseUrl,
    NEXT_DIST_DIR: distDir,
    OUTBOX_IN_APP: '0',
    RATE_LIMIT_DISABLED: '1',
    FORM_MIN_FILL_SECONDS: '0',
    LOG_LEVEL: 'warn',
    SENATORS_SOURCE: process.env.SENATORS_SOURCE ?? path.resolve(root, '..', 'shared', 'data', 'congress-legislators'),
  };
  delete env.PGLITE_DATA_DIR;
  // Its own process group (the proxy and the instances), stopped as one.
  const child = spawn(process.execPath, [path.join(root, 'lib', 'cli', 'start-cluster.mjs'), '2'], { cwd: root, env, stdio: ['ignore', 'pipe', 'inherit'], detached: true });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    const kill = (sig: NodeJS.Signals) => {
      try {
        process.kill(-child.pid!, sig);
      } catch {
        // already gone
      }
    };
    kill('SIGTERM');
    const timer = setTimeout(() => kill('SIGKILL'), 15_000);
    await exited;
    clearTimeout(timer);
  };
  process.on('SIGINT', () => {
    void stop().then(() => process.exit(130));
  });
  let out = '';
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('behind a round-robin proxy')) resolve();
    });
    void exited.then(() => reject(new Error(`start:cluster exited before it was ready:\n${out}`)));
  });
  child.stdout!.resume();
  return { proxyUrl: `http://localhost:${proxyPort}`, urls: [1, 2].map((k) => `http://localhost:${proxyPort + k}`), stop };
}

async function main() {
  const db = await createDatabase();
  const datname = new URL(db.url).pathname.slice(1);
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  const sql = postgres(db.url, { max: 1, onnotice: () => {} });
  let stopCluster = async () => {};
  const problems: string[] = [];
  try {
    const started = Date.now();
    const cluster = await startClusterProcess(db.url);
    stopCluster = cluster.stop;
    await waitForRoster(cluster.urls[0]);
    log(`two instances and the proxy ready in ${secs(Date.now() - started)}`);

    // The services in this process use the same database and settings as the instances.
    process.env.DATABASE_URL = db.url;
    process.env.APP_URL = cluster.proxyUrl;
    process.env.LOG_LEVEL = 'warn';
    const [{ oid, preload }] = await admin<{ oid: number; preload: string }[]>`
      select oid::int, current_setting('shared_preload_libraries') as preload from pg_database where datname = ${datname}`;
    await sql`create extension if not exists pg_walinspect`;
    log(/pg_stat_statements/.test(preload)
      ? 'pg_stat_statements is loaded on this server, but this script reads pg_stat_database and the WAL instead, for one method everywhere.'
      : 'pg_stat_statements is not in shared_preload_libraries on this server (adding it takes a restart): costs come from pg_stat_database, the backend\'s CPU time and pg_walinspect.');
    const host = new URL(adminUrl).hostname;
    const ctx = { url: db.url, admin, datname, dboid: oid, local: ['127.0.0.1', 'localhost', '::1'].includes(host) };
    const [{ id: campaignId }] = await sql<{ id: string }[]>`select id from campaigns where slug = ${SLUG}`;

    const costs: CostRun[] = [];
    costs.push(await measureCosts(ctx, await loadTo(sql, campaignId, SMALL), 'small'));

    const through = await measureThroughput(cluster.urls, cluster.proxyUrl, problems);

    costs.push(await measureCosts(ctx, await loadTo(sql, campaignId, BIG), 'big'));

    printCosts(costs);
    through.print();
    await checkData(sql, costs, through, problems);
  } finally {
    await stopCluster().catch(() => {});
    await sql.end();
    await admin.end();
    await db.drop();
  }
  if (problems.length) {
    console.error(`\nDATA CHECK FAILED: ${problems.join('; ')}`);
    process.exitCode = 1;
  } else {
    log('data check: every signature and letter batch has its rows and exactly one email; both instances served signatures');
  }
}

function printCosts(costs: CostRun[]) {
  log('\nDatabase cost per action (one connection, actions one after another; per action):');
  log(costHeader());
  for (const c of costs) {
    log(costRow('signature', c.existing, c.sign));
    log(costRow('signature + full recount', c.existing, c.recount));
    log(costRow('letter submission (2 letters)', c.existing, c.letter));
  }
  log('  active ms: server time in statements (includes waiting for the commit\'s WAL flush); CPU ms: the backend\'s CPU;');
  log('  rows w: inserted + updated; rows r: returned + fetched; buffers: shared-buffer hits and reads; WAL: records and bytes');
  log('  of this database (pg_walinspect), FPI = full-page images in them (first change of a page after a checkpoint).' +
    ' Commits per action (database-wide, so a few per batch are not the actions\', e.g. the driver\'s type lookup on a new connection): ' +
    costs.map((c) => [c.sign, c.recount, c.letter].map((x) => (x.commits / x.n).toFixed(2)).join('/')).join(', ') + ' (expected 1).');
  log('\nProjected signatures per second per PostgreSQL core (1000 / backend CPU ms per signature; the commit\'s');
  log('fsync wait is not CPU and is shared between concurrent commits; WAL writer, checkpointer and vacuum not included):');
  for (const c of costs) {
    const cpu = c.sign.cpuMs === null ? null : c.sign.cpuMs / c.sign.n;
    const active = c.sign.activeMs / c.sign.n;
    log(`  ${c.existing.toLocaleString('en-US').padStart(10)} existing: ${cpu === null ? 'n/a (server not on this machine)' : `${(1000 / cpu).toFixed(0)} signatures/s per core`}` +
      `; one connection in series: ${(1000 / active).toFixed(0)}/s (1000 / active ms)`);
  }
}

/** Signing through one instance and through two, against the bare route, in interleaved rounds. */
async function measureThroughput(instances: string[], proxy: string, problems: string[]) {
  const direct = instances[0];
  let n = 0;
  let prefix = 'warm';
  const signOpts = (base: string, headers: Record<string, string> = {}): autocannon.Options => ({
    url: `${base}/api/campaigns/${SLUG}/signatures`,
    duration: seconds,
    requests: [{
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      setupRequest: (req) => ({
        ...req,
        body: JSON.stringify({ firstName: 'Bench', lastName: 'Signer', email: `${prefix}-${++n}@bench.ratify.test`, zip: '20002', optIn: false }),
      }),
    }],
  });
  const configs = [
    { name: 'sign, 1 instance (direct)', short: 'sign 1 direct', opts: signOpts(direct) },
    { name: 'sign, proxy → instance 1', short: 'sign proxy→1', opts: signOpts(proxy, { 'x-ratify-instance': '1' }) },
    { name: 'sign, proxy → 2 instances', short: 'sign proxy→2', opts: signOpts(proxy) },
    { name: 'bare, proxy → 2 instances', short: 'ping proxy→2', opts: { url: `${proxy}/api/ping`, duration: seconds } },
  ];
  const bare = { url: `${direct}/api/ping`, duration: seconds };
  // Which error statuses came back, per configuration (a wrong answer, unlike a timeout).
  const statuses = new Map<string, Map<string, number>>();
  const measure = async (name: string, opts: autocannon.Options) => {
    const r = await run(opts);
    for (const [code, stat] of Object.entries(r.statusCodeStats ?? {})) {
      if (code.startsWith('2')) continue;
      const seen = statuses.get(name) ?? new Map<string, number>();
      seen.set(code, (seen.get(code) ?? 0) + ((stat as { count?: number }).count ?? 0));
      statuses.set(name, seen);
    }
    return figures(r);
  };

  // Both instances must still be up (on a shared machine something else may have stopped them).
  for (const [k, url] of instances.entries()) {
    const ok = await fetch(`${url}/api/health`).then((r) => r.ok, () => false);
    if (!ok) throw new Error(`instance ${k + 1} (${url}) is not answering before the throughput rounds`);
  }
  // The proxy must hand requests to both instances in turn.
  const served = new Set<string>();
  for (let i = 0; i < 6; i++) served.add((await fetch(`${proxy}/api/ping`)).headers.get('x-ratify-instance') ?? '?');
  if (!(served.has('1') && served.has('2'))) problems.push(`the proxy served from instances ${[...served].join(', ')} only`);

  // Warm every route and both instances at full load (JIT, pooled connections' prepared statements).
  await run({ ...bare, duration: 3 });
  await run({ ...configs[0].opts, duration: 4 });
  await run({ ...configs[2].opts, duration: 4 });
  await run({ ...configs[3].opts, duration: 2 });

  prefix = 'bench';
  log(`\nMeasuring ${roundsN} rounds of ${seconds}s each at ${connections} connections: bare, ${configs.map((c) => c.name).join(', ')}, …, bare.`);
  const bares: Figures[] = [await measure('bare, 1 instance (direct)', bare)];
  const measured: Figures[][] = configs.map(() => []);
  for (let r = 0; r < roundsN; r++) {
    for (const [j, c] of configs.entries()) measured[j].push(await measure(c.name, c.opts));
    bares.push(await measure('bare, 1 instance (direct)', bare));
  }
  const signedOk = measured.slice(0, 3).flat().reduce((a, f) => a + f.ok, 0);
  const timeouts = measured.slice(0, 3).flat().reduce((a, f) => a + f.timeouts, 0);
  for (const [name, seen] of statuses) {
    problems.push(`${name} answered with error statuses (${[...seen].map(([code, k]) => `${k}× ${code}`).join(', ')})`);
  }

  return {
    signedOk,
    slack: 3 * roundsN * connections + timeouts,
    print() {
      log(`\n${header()}`);
      bares.forEach((f, i) => log(row(`GET /api/ping (${i + 1})`, f)));
      configs.forEach((c, j) => measured[j].forEach((f, i) => log(row(`${c.short} (${i + 1})`, f))));
      log('\nmedian round per configuration (against the mean of the bare direct runs before and after its round):');
      for (const [j, c] of configs.entries()) {
        const ratios = measured[j].map((f, i) => {
          const around = mean([bares[i], bares[i + 1]]);
          return { f, around, rps: f.rps / around.rps, p99: f.p99 / around.p99 };
        });
        const m = median(ratios, (x) => x.rps);
        log(`  ${c.name.padEnd(28)} ${m.f.rps.toFixed(0).padStart(6)} req/s (bare ${m.around.rps.toFixed(0)}): req/s ${m.rps.toFixed(2)}×, ` +
          `p99 ${m.f.p99.toFixed(0)} ms = ${m.p99.toFixed(2)}× (rounds: ${ratios.map((x) => x.rps.toFixed(2)).join(', ')}), errors ${measured[j].reduce((a, f) => a + f.errors, 0)}`);
      }
      const two = median(measured[2].map((f, i) => f.rps / measured[1][i].rps), (x) => x);
      log(`  two instances / one instance, both through the proxy: ${two.toFixed(2)}× (median round)`);
    },
  };
}

async function checkData(sql: Sql, costs: CostRun[], through: { signedOk: number; slack: number }, problems: string[]) {
  const [c] = await sql<{ sigs: number; signers: number; sig_mail: number; letters: number; writers: number; letter_mail: number; bench: number; bench_signers: number; bench_mail: number }[]>`
    select (select count(*)::int from signatures s join supporters p on p.id = s.supporter_id where p.email like 'scale-%') as sigs,
           (select count(distinct supporter_id)::int from signatures s join supporters p on p.id = s.supporter_id where p.email like 'scale-%') as signers,
           (select count(*)::int from email_outbox where template = 'signature-confirmation' and to_address like 'scale-%') as sig_mail,
           (select count(*)::int from letters l join supporters p on p.id = l.supporter_id where p.email like 'scale-letter-%') as letters,
           (select count(*)::int from supporters where email like 'scale-letter-%') as writers,
           (select count(*)::int from email_outbox where template = 'letters-confirmation' and to_address like 'scale-letter-%') as letter_mail,
           (select count(*)::int from signatures s join supporters p on p.id = s.supporter_id where p.email like 'bench-%') as bench,
           (select count(distinct supporter_id)::int from signatures s join supporters p on p.id = s.supporter_id where p.email like 'bench-%') as bench_signers,
           (select count(*)::int from email_outbox where template = 'signature-confirmation' and to_address like 'bench-%') as bench_mail`;
  const signed = costs.reduce((a, r) => a + r.sign.n + r.recount.n + 20 + 1, 0);
  const written = costs.reduce((a, r) => a + r.letter.n + 10, 0);
  log(`\nrows: ${c.sigs} in-process signatures (${c.signers} signers, ${c.sig_mail} emails), ${c.letters} letters from ${c.writers} writers ` +
    `(${c.letter_mail} emails); ${c.bench} signatures over HTTP (${c.bench_signers} signers, ${c.bench_mail} emails)`);
  if (c.sigs !== signed || c.signers !== signed || c.sig_mail !== signed) problems.push('in-process signatures do not match their rows and emails');
  if (c.writers !== written || c.letters !== 2 * written || c.letter_mail !== written) problems.push('letter submissions do not match their letters and emails');
  if (c.bench !== c.bench_signers || c.bench_mail !== c.bench) problems.push('an HTTP signature without exactly one signer and one email');
  // Requests in flight when a measurement ends, or abandoned after a timeout, may still complete.
  if (c.bench < through.signedOk || c.bench > through.signedOk + through.slack) problems.push('HTTP signature rows do not match the successful responses');
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});

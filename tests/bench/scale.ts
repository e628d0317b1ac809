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
import postgres from 'postgres';
import { sendLetters } from '@/lib/letters/send-letters';
import { forgetCountBases } from '@/lib/petitions/count-base';
import { signPetition } from '@/lib/petitions/sign-petition';
import { createDatabase } from './harness';
import { costHeader, costRow, measureBatch, type Cost } from './scale-db-cost';
import { measureThroughput, startClusterProcess, waitForRoster } from './scale-throughput';

const SLUG = 'protect-children-protocol';
const SMALL = 10_000;
const BIG = 1_000_000;
const proxyPort = Number(process.env.BENCH_PORT ?? 3340);
const adminUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const log = (...args: unknown[]) => console.log(...args);
const secs = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

type Sql = postgres.Sql;

/** Bring the campaign to `total` signatures (each with its own supporter) in one set-based statement. */
async function loadTo(sql: Sql, campaignId: string, total: number) {
  const started = Date.now();
  const [{ n }] = await sql<{ n: number }[]>`select count(*)::int as n from signatures`;
  if (n < total) {
    // A large load goes in without the secondary indexes, which are then rebuilt sorted: a million
    // inserts at random places in eight indexes that together outgrow shared_buffers took over two
    // minutes here, twice as long. Indexes behind a constraint (primary keys, referenced keys) stay.
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

async function main() {
  const db = await createDatabase();
  const datname = new URL(db.url).pathname.slice(1);
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  const sql = postgres(db.url, { max: 1, onnotice: () => {} });
  let stopCluster = async () => {};
  const problems: string[] = [];
  try {
    const started = Date.now();
    const cluster = await startClusterProcess(db.url, proxyPort);
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

    const through = await measureThroughput(SLUG, cluster.urls, cluster.proxyUrl, problems);

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
  const all = (c: Cost) => c.warm + c.n;
  const signed = costs.reduce((a, r) => a + all(r.sign) + all(r.recount), 0);
  const written = costs.reduce((a, r) => a + all(r.letter), 0);
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

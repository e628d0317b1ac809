// What one action costs PostgreSQL, for bench:scale. The actions run through the real services
// (signPetition, sendLetters) in this process, one at a time on a pool of one connection, and the
// cost is read from PostgreSQL itself around a batch of them:
//  - time: `pg_stat_database.active_time` of the scratch database (server time in active
//    statements, parse to commit, including the wait for the commit's WAL flush) and the CPU time
//    of the one backend that ran them (/proc/<pid>/stat, when the server is on this machine);
//  - rows and buffers: the database's tup_* and blks_* counters;
//  - WAL: the records pg_walinspect finds between the batch's two LSNs that touch this database's
//    relations or belong to its transactions (the server is shared: other databases write WAL too).
// pg_stat_statements would give the same per statement, but it needs shared_preload_libraries,
// which the shared server does not load and which takes a restart to change.
import fs from 'node:fs';
import type postgres from 'postgres';
import { closeDb, openPostgres, setDbHandle } from '@/db/client';

export type Cost = {
  n: number;
  /** Actions run before the batch (not measured). */
  warm: number;
  activeMs: number;
  cpuMs: number | null;
  commits: number;
  inserted: number;
  updated: number;
  read: number;
  hit: number;
  blocksRead: number;
  walRecords: number;
  walBytes: number;
  fpiBytes: number;
};

type DbStats = { active_time: number; xact_commit: number; tup_inserted: number; tup_updated: number; tup_returned: number; tup_fetched: number; blks_hit: number; blks_read: number; lsn: string };

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));
const CLOCK_TICKS = 100; // USER_HZ on Linux
const APP_NAME = 'ratify-bench-scale';

async function dbStats(admin: postgres.Sql, datname: string): Promise<DbStats> {
  // Each query is its own transaction, so the stats snapshot is fresh.
  const [s] = await admin<DbStats[]>`
    select active_time::float8 as active_time, xact_commit::int8 as xact_commit, tup_inserted::int8 as tup_inserted,
           tup_updated::int8 as tup_updated, tup_returned::int8 as tup_returned, tup_fetched::int8 as tup_fetched,
           blks_hit::int8 as blks_hit, blks_read::int8 as blks_read, pg_current_wal_flush_lsn()::text as lsn
    from pg_stat_database where datname = ${datname}`;
  return s;
}

/**
 * Wait until nothing else works in the database: no statement running there and its counters
 * unchanged for 1.5 s (which also lets exited backends' statistics arrive). An instance finishing
 * its boot work (the roster import's last steps) once wrote 20,000 rows into a letter batch's figures.
 */
async function waitForQuiet(admin: postgres.Sql, datname: string) {
  const deadline = Date.now() + 60_000;
  let last = '';
  for (;;) {
    const [q] = await admin<{ busy: number; counters: string }[]>`
      select (select count(*)::int from pg_stat_activity where datname = ${datname} and state <> 'idle') as busy,
             concat_ws(',', xact_commit, tup_inserted, tup_updated, tup_deleted, blks_hit) as counters
      from pg_stat_database where datname = ${datname}`;
    if (q.busy === 0 && q.counters === last) return;
    if (Date.now() > deadline) {
      console.log('  (the database did not become quiet within a minute: the next figures include other work)');
      return;
    }
    last = q.busy === 0 ? q.counters : '';
    await pause(1500);
  }
}

/** utime + stime of a local backend in ms, or null when the server is not on this machine. */
function backendCpuMs(pid: number | null): number | null {
  if (pid === null) return null;
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
  } catch {
    return null;
  }
}

async function walBetween(url: string, from: string, to: string, dboid: number) {
  // A connection of its own, ended at once: its own statistics are flushed before the next batch.
  const sql = openPostgres(url, 1).sql!;
  try {
    const ours = `rel [0-9]+/${dboid}/`;
    const [w] = await sql<{ records: number; bytes: number; fpi: number }[]>`
      with r as (select xid, record_length, fpi_length, block_ref from pg_get_wal_records_info(${from}::pg_lsn, ${to}::pg_lsn)),
           x as (select distinct xid::text::int8 as x from r where xid <> '0'::xid and block_ref ~ ${ours})
      select count(*)::int as records, coalesce(sum(record_length), 0)::int8 as bytes, coalesce(sum(fpi_length), 0)::int8 as fpi
      from r where block_ref ~ ${ours} or xid::text::int8 in (select x from x)`;
    return { records: Number(w.records), bytes: Number(w.bytes), fpi: Number(w.fpi) };
  } finally {
    await sql.end();
  }
}

/**
 * Run `warm` then `n` actions one after another on a fresh pool of one connection to `url`, and
 * return the database's cost of the `n`. `local` says whether the server's /proc is readable here.
 */
export async function measureBatch(opts: {
  url: string;
  admin: postgres.Sql;
  datname: string;
  dboid: number;
  local: boolean;
  warm: number;
  n: number;
  action: (i: number) => Promise<void>;
}): Promise<Cost> {
  const { url, admin, datname, dboid, n } = opts;
  let i = 0;
  // Warm-up on a pool that is then closed: the statements' first plans, the catalog caches and the
  // process's own caches (count base, secrets) are in place, and its statistics are flushed on exit.
  setDbHandle(openPostgres(url, 1));
  for (let w = 0; w < opts.warm; w++) await opts.action(i++);
  await closeDb();
  await waitForQuiet(admin, datname);

  // The batch's backend is found by its application name, from the admin connection, so that no
  // statement of the bench's own is counted in the database's figures.
  const named = new URL(url);
  named.searchParams.set('application_name', APP_NAME);
  setDbHandle(openPostgres(named.toString(), 1));
  const before = await dbStats(admin, datname);
  let pid: number | null = null;
  let cpu0: number | null = null;
  for (let k = 0; k < n; k++) {
    await opts.action(i++);
    if (k === 0 && opts.local) {
      const [b] = await admin<{ pid: number }[]>`select pid from pg_stat_activity where datname = ${datname} and application_name = ${APP_NAME}`;
      pid = b?.pid ?? null;
      cpu0 = backendCpuMs(pid);
    }
  }
  const cpu1 = backendCpuMs(pid);
  await closeDb(); // the backend exits and flushes its statistics
  await pause(1000);
  const after = await dbStats(admin, datname);
  const wal = await walBetween(url, before.lsn, after.lsn, dboid);
  const d = (k: keyof Omit<DbStats, 'lsn'>) => Number(after[k]) - Number(before[k]);
  return {
    n,
    warm: opts.warm,
    activeMs: d('active_time'),
    // From the end of the first action (the backend's CPU before it is not known), so over n - 1.
    cpuMs: cpu0 !== null && cpu1 !== null ? ((cpu1 - cpu0) * n) / (n - 1) : null,
    commits: d('xact_commit'),
    inserted: d('tup_inserted'),
    updated: d('tup_updated'),
    read: d('tup_returned') + d('tup_fetched'),
    hit: d('blks_hit'),
    blocksRead: d('blks_read'),
    walRecords: wal.records,
    walBytes: wal.bytes,
    fpiBytes: wal.fpi,
  };
}

const per = (x: number, n: number, digits = 1) => (x / n).toFixed(digits);

export const costHeader = () =>
  `${'action'.padEnd(30)}${'existing'.padStart(11)}${'active ms'.padStart(11)}${'CPU ms'.padStart(9)}${'rows w'.padStart(8)}${'rows r'.padStart(11)}` +
  `${'buf hit'.padStart(9)}${'buf read'.padStart(10)}${'WAL rec'.padStart(9)}${'WAL B'.padStart(8)}${'+ FPI B'.padStart(9)}`;

export const costRow = (name: string, existing: number, c: Cost) =>
  `${name.padEnd(30)}${existing.toLocaleString('en-US').padStart(11)}${per(c.activeMs, c.n, 2).padStart(11)}` +
  `${(c.cpuMs === null ? 'n/a' : per(c.cpuMs, c.n, 2)).padStart(9)}${per(c.inserted + c.updated, c.n).padStart(8)}${per(c.read, c.n).padStart(11)}` +
  `${per(c.hit, c.n).padStart(9)}${per(c.blocksRead, c.n).padStart(10)}${per(c.walRecords, c.n).padStart(9)}` +
  `${per(c.walBytes - c.fpiBytes, c.n, 0).padStart(8)}${per(c.fpiBytes, c.n, 0).padStart(9)}`;

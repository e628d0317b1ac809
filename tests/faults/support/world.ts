import { sql } from 'drizzle-orm';
import { dropDatabase, recreateDatabase } from '../../support/scratch-db';
import { startCluster, type Cluster } from '@/lib/cli/cluster.mjs';
import { openPostgres, setDbHandle, type DbHandle } from '@/db/client';
import { queryRows } from '@/db/raw';
import { resetEnvCache } from '@/lib/env';
import { startFakeResend, type FakeResend, type FakeResendRequest } from '../../support/fake-resend';
import { ROSTER_SNAPSHOT } from '../../support/roster';

// What the fault suites share: one fake Resend, one cluster of three production instances on a
// fresh PostgreSQL database, and an in-process handle on that database (to count rows and to call
// services directly where no HTTP form is needed to make the point).

export const CAMPAIGN_SLUG = 'protect-children-protocol';
export const INSTANCES = 3;
/** Ports 3200-3299 are this suite's: the cluster's proxy on 3210, its instances on 3211-3213. */
export const PROXY_PORT = 3210;
export const BASE_PORT = 3211;

/** Short timings so a crashed drainer's rows come back in seconds, not minutes. */
export const SEND_TIMEOUT_MS = 1_000;
export const LEASE_MS = 4_000;

/** The environment every instance started by the suites shares (DATABASE_URL and APP_URL aside). */
export function appEnv(fake: FakeResend): Record<string, string> {
  return {
    // Fixed secrets, shared with this process, so its services seal and open the same links.
    AUTH_SECRET: 'faults-suite-auth-secret-0123456789abcdef',
    HASH_SALT: 'faults-suite-hash-salt-0123',
    ADMIN_EMAIL: 'owner@faults.test',
    SENATORS_SOURCE: ROSTER_SNAPSHOT,
    RESEND_API_KEY: 're_faults',
    RESEND_BASE_URL: fake.url,
    RESEND_TIMEOUT_MS: String(SEND_TIMEOUT_MS),
    OUTBOX_LEASE_MS: String(LEASE_MS),
    OUTBOX_DRAIN_INTERVAL_MS: '250',
    OUTBOX_BACKOFF_BASE_MS: '250',
    OUTBOX_MAX_ATTEMPTS: '30',
    // The suites send bursts from one address on purpose; shared limits are proven by tests/e2e/cluster.spec.ts.
    RATE_LIMIT_DISABLED: '1',
    MAILBOX_ENABLED: '0',
    FORM_MIN_FILL_SECONDS: '0',
    LOG_LEVEL: process.env.FAULTS_LOG_LEVEL ?? 'error',
  };
}

/** `<db>_<suffix>` on the server of TEST_DATABASE_URL, dropped and created afresh (local servers only). */
export const freshDatabase = (suffix: string): Promise<string> => recreateDatabase(process.env.TEST_DATABASE_URL!, suffix);

export { dropDatabase };

export type World = { fake: FakeResend; cluster: Cluster; databaseUrl: string; db: DbHandle['db']; handle: DbHandle };

/** Start the fake provider and the cluster; point this process's services at the same database. */
export async function startWorld(): Promise<World> {
  const fake = await startFakeResend();
  const databaseUrl = await freshDatabase('faults_run');
  const env = appEnv(fake);
  const started = Date.now();
  const cluster = await startCluster({
    instances: INSTANCES,
    databaseUrl,
    basePort: BASE_PORT,
    proxyPort: PROXY_PORT,
    env,
    // Each instance sends to its own path of the fake, so the fake can tell who sent what.
    instanceEnv: (i) => ({ RESEND_BASE_URL: `${fake.url}/i${i + 1}` }),
    readyTimeoutMs: 240_000,
  });
  console.log(`[faults] cluster of ${INSTANCES} instances ready in ${((Date.now() - started) / 1000).toFixed(1)} s at ${cluster.proxyUrl}`);
  Object.assign(process.env, env, { DATABASE_URL: databaseUrl, APP_URL: cluster.proxyUrl });
  resetEnvCache();
  const handle = openPostgres(databaseUrl, 12);
  setDbHandle(handle);
  return { fake, cluster, databaseUrl, db: handle.db, handle };
}

export async function stopWorld(w: World | undefined): Promise<void> {
  if (!w) return;
  await w.cluster.stop().catch(() => {});
  setDbHandle(undefined);
  await w.handle.close().catch(() => {});
  await w.fake.close().catch(() => {});
  await dropDatabase(w.databaseUrl).catch(() => {});
}

/** Poll `check` until it returns a value (not undefined/false), or fail after `timeoutMs` with `what`. */
export async function waitFor<T>(what: string, check: () => Promise<T | undefined | false>, timeoutMs = 60_000, everyMs = 100): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await check();
    if (v !== undefined && v !== false) return v;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

export type OutboxCounts = { total: number; queued: number; sending: number; sent: number; failed: number };

export async function outboxCounts(db: World['db'], where = sql`true`): Promise<OutboxCounts> {
  const [r] = await queryRows<Record<keyof OutboxCounts, string>>(
    db,
    sql`select count(*) as total,
          count(*) filter (where status = 'queued') as queued,
          count(*) filter (where status = 'sending') as sending,
          count(*) filter (where status = 'sent') as sent,
          count(*) filter (where status = 'failed') as failed
        from email_outbox where ${where}`,
  );
  return { total: +r.total, queued: +r.queued, sending: +r.sending, sent: +r.sent, failed: +r.failed };
}

/** Wait until no row is queued or sending; returns the final counts. */
export function drained(db: World['db'], timeoutMs = 60_000, where = sql`true`): Promise<OutboxCounts> {
  return waitFor(
    'the outbox to drain',
    async () => {
      const c = await outboxCounts(db, where);
      return c.queued === 0 && c.sending === 0 ? c : undefined;
    },
    timeoutMs,
    200,
  );
}

export type DeliveryAudit = { rows: number; emails: number; duplicateKeys: string[]; missingKeys: string[]; duplicateMessages: string[]; conflicts: number };

/**
 * Compare the outbox with what the fake provider sent: every row's key sent exactly once, no two
 * emails with the same recipient and subject (a second row for one action), no 409 (a re-send that
 * differed from what the provider had accepted).
 */
export async function auditDeliveries(db: World['db'], fake: FakeResend, where = sql`true`): Promise<DeliveryAudit> {
  const rows = await queryRows<{ key: string }>(db, sql`select idempotency_key as key from email_outbox where ${where}`);
  const keys = new Set(rows.map((r) => r.key));
  const emails = fake.emails().filter((e) => e.idempotencyKey && keys.has(e.idempotencyKey));
  const perKey = countBy(emails, (e) => e.idempotencyKey!);
  const perMessage = countBy(emails, (e) => `${String(e.body.to)} | ${String(e.body.subject)}`);
  return {
    rows: rows.length,
    emails: emails.length,
    duplicateKeys: [...perKey].filter(([, n]) => n > 1).map(([k]) => k),
    missingKeys: [...keys].filter((k) => !perKey.has(k)),
    duplicateMessages: [...perMessage].filter(([, n]) => n > 1).map(([k]) => k),
    conflicts: fake.requests.filter((r) => r.status === 409 && r.idempotencyKey && keys.has(r.idempotencyKey)).length,
  };
}

export function countBy<T>(items: T[], key: (t: T) => string): Map<string, number> {
  const m = new Map<string, number>();
  for (const i of items) m.set(key(i), (m.get(key(i)) ?? 0) + 1);
  return m;
}

/** Which instance (`i1`…) sent how many of `requests`. */
export const bySender = (requests: FakeResendRequest[]) => Object.fromEntries([...countBy(requests, (r) => r.sender || '-')].sort());

let seq = 0;
/** A supporter no other test uses. */
export function supporter(tag: string) {
  const n = `${Date.now().toString(36)}${(++seq).toString(36)}`;
  return { firstName: 'Alex', lastName: 'Rivera', email: `${tag}-${n}@faults.test`, zip: '20002' };
}

/** POST the JSON signing API through the proxy (or to instance `n`); never throws on a status. */
export async function signViaApi(
  proxyUrl: string,
  body: Record<string, unknown>,
  opts: { instance?: number; timeoutMs?: number; headers?: Record<string, string> } = {},
): Promise<{ status: number; instance: string | null; text: string }> {
  const res = await fetch(`${proxyUrl}/api/campaigns/${CAMPAIGN_SLUG}/signatures`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(opts.instance ? { 'x-ratify-instance': String(opts.instance) } : {}), ...opts.headers },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(opts.timeoutMs ?? 30_000),
  });
  return { status: res.status, instance: res.headers.get('x-ratify-instance'), text: await res.text() };
}

export const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

import postgres from 'postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startCluster, type Cluster } from '@/lib/cli/cluster.mjs';
import { startFakeResend, type FakeResend } from '../../support/fake-resend';
import { startPrivatePostgres, type PrivatePostgres } from '../support/private-postgres';
import { appEnv, CAMPAIGN_SLUG, countBy, signViaApi, supporter, waitFor } from '../support/world';

// 4. Database restart: the app's PostgreSQL (a private server started here) is stopped for a few
// seconds and started again while supporters keep signing and reading the campaign page. During
// the outage every answer is a clean 503 (the JSON error shape, or a page without a stack trace),
// /api/health says 503; the app recovers by itself (same process); afterwards every signature has
// its token and its sent confirmation email, and no half-written action exists.

const PORT = 3231;
const PROXY_PORT = 3230;
const OUTAGE_MS = 3_000;
const SIGNING_LOOPS = 4;
/** A request unanswered this long counts as a hang (a failure). */
const CLIENT_TIMEOUT_MS = 20_000;

type Answer = { what: 'sign' | 'page' | 'health'; status: number; ms: number; at: number; body: string; email?: string };

/** A stack trace or an internal error page, which must never reach a visitor. */
const leaks = (body: string) => /\n\s+at .+:\d+:\d+|Internal Server Error|ECONNREFUSED|postgres\.js|node_modules/.test(body);

export function databaseRestartSuite() {
  describe('4. database restart', () => {
    let pg: PrivatePostgres;
    let fake: FakeResend;
    let app: Cluster;

    beforeAll(async () => {
      fake = await startFakeResend();
      pg = await startPrivatePostgres();
      app = await startCluster({
        instances: 1,
        databaseUrl: pg.url,
        basePort: PORT,
        proxyPort: PROXY_PORT,
        env: appEnv(fake),
        readyTimeoutMs: 240_000,
      });
    });
    afterAll(async () => {
      await app?.stop();
      pg?.destroy();
      await fake?.close();
    });

    it(`PostgreSQL stopped for ${OUTAGE_MS / 1000} s under load: clean 503s, health 503, recovery without a restart, nothing half-written`, async () => {
      const url = app.urls[0];
      const tag = `restart${Date.now().toString(36)}`;
      const answers: Answer[] = [];
      const ask = async (what: Answer['what'], go: () => Promise<{ status: number; body: string }>, email?: string) => {
        const at = Date.now();
        try {
          const r = await go();
          answers.push({ what, status: r.status, ms: Date.now() - at, at, body: r.body, email });
        } catch (e) {
          // A hang (client timeout) or a dropped connection: both are failures of the promise.
          answers.push({ what, status: -1, ms: Date.now() - at, at, body: String(e), email });
        }
      };
      const get = (path: string) => async () => {
        const res = await fetch(`${url}${path}`, { signal: AbortSignal.timeout(CLIENT_TIMEOUT_MS) });
        return { status: res.status, body: await res.text() };
      };
      let running = true;
      const loops = [
        ...Array.from({ length: SIGNING_LOOPS }, async () => {
          while (running) {
            const who = supporter(tag);
            await ask('sign', async () => {
              const r = await signViaApi(url, who, { timeoutMs: CLIENT_TIMEOUT_MS });
              return { status: r.status, body: r.text };
            }, who.email);
          }
        }),
        (async () => {
          while (running) await ask('page', get(`/c/${CAMPAIGN_SLUG}`));
        })(),
        (async () => {
          while (running) {
            await ask('health', get('/api/health'));
            await new Promise((r) => setTimeout(r, 100));
          }
        })(),
      ];

      await new Promise((r) => setTimeout(r, 2_000));
      const stoppedAt = Date.now();
      pg.stop();
      await new Promise((r) => setTimeout(r, OUTAGE_MS));
      pg.start();
      const startedAt = Date.now();
      const healthyAt = await waitFor('health to answer 200 again', async () => answers.find((a) => a.what === 'health' && a.at >= startedAt && a.status === 200)?.at, 60_000);
      const signedAt = await waitFor('a signature to succeed again', async () => answers.find((a) => a.what === 'sign' && a.at >= startedAt && a.status === 201)?.at, 60_000);
      await new Promise((r) => setTimeout(r, 1_000));
      running = false;
      await Promise.all(loops);
      // Recovered by itself: the same process, never restarted.
      expect(() => process.kill(app.instances[0].pid!, 0)).not.toThrow();

      const during = answers.filter((a) => a.at >= stoppedAt && a.at < startedAt);
      const summary = (what: Answer['what'], list = answers) => Object.fromEntries(countBy(list.filter((a) => a.what === what), (a) => String(a.status)));
      const bad = answers.filter((a) => ![200, 201, 503].includes(a.status) || leaks(a.body));
      const when = (t: number) => (t < stoppedAt ? `${stoppedAt - t} ms before the stop` : t < startedAt ? `${t - stoppedAt} ms into the outage` : `${t - startedAt} ms after the start`);
      if (bad.length) console.log(`[faults] database restart: the instance's log:\n${app.instances[0].output().slice(-6000)}`);
      expect(bad.map((a) => `${a.what} ${a.status} sent ${when(a.at)}, answered after ${a.ms} ms: ${a.body.slice(0, 300)}`), 'only 200/201 or a clean 503').toEqual([]);
      for (const a of answers.filter((x) => x.what === 'sign' && x.status === 503)) {
        expect(JSON.parse(a.body)).toMatchObject({ error: { code: 'UNAVAILABLE' } });
      }
      expect(during.some((a) => a.what === 'health' && a.status === 503), '/api/health said 503 during the outage').toBe(true);
      expect(during.some((a) => a.what === 'sign' && a.status === 503), 'a signature was refused with 503 during the outage').toBe(true);
      const slowest = Math.max(...answers.map((a) => a.ms));

      // Afterwards: every acknowledged signature is there, with its token and its email, once.
      const sql = postgres(pg.url, { max: 1, onnotice: () => {} });
      try {
        const acknowledged = answers.filter((a) => a.what === 'sign' && a.status === 201).map((a) => a.email!);
        await waitFor(
          'the confirmation emails to be sent',
          async () => {
            const [r] = await sql`select count(*) filter (where status <> 'sent')::int as left from email_outbox where to_address like ${`${tag}-%`}`;
            return r.left === 0;
          },
          60_000,
          250,
        );
        const rows = await sql<{ email: string; signatures: number; tokens: number; mails: number; sent: number }[]>`
          select s.email,
            (select count(*)::int from signatures g where g.supporter_id = s.id) as signatures,
            (select count(*)::int from action_tokens t where t.supporter_id = s.id and t.purpose = 'confirm_signature') as tokens,
            (select count(*)::int from email_outbox o where o.to_address = s.email) as mails,
            (select count(*)::int from email_outbox o where o.to_address = s.email and o.status = 'sent') as sent
          from supporters s where s.email like ${`${tag}-%`}`;
        const byEmail = new Map(rows.map((r) => [r.email, r]));
        expect(acknowledged.filter((e) => !byEmail.has(e)), 'acknowledged signatures that were lost').toEqual([]);
        const halfWritten = rows.filter((r) => r.signatures !== 1 || r.tokens !== 1 || r.mails !== 1 || r.sent !== 1);
        expect(halfWritten, 'supporters without exactly one signature, token and sent email').toEqual([]);
        const emails = fake.emails().filter((e) => String(e.body.to).startsWith(`${tag}-`));
        expect(emails).toHaveLength(rows.length);
        expect(new Set(emails.map((e) => e.idempotencyKey)).size).toBe(rows.length);
        console.log(
          `[faults] database restart: PostgreSQL stopped ${OUTAGE_MS} ms under load (${SIGNING_LOOPS} signing loops, a page reader, a health probe); ` +
            `during the outage: signing ${JSON.stringify(summary('sign', during))}, page ${JSON.stringify(summary('page', during))}, health ${JSON.stringify(summary('health', during))}; ` +
            `health 200 again ${healthyAt - startedAt} ms and the first signature ${signedAt - startedAt} ms after PostgreSQL was back, same process; ` +
            `whole run: signing ${JSON.stringify(summary('sign'))}, page ${JSON.stringify(summary('page'))}, slowest answer ${slowest} ms; ` +
            `${rows.length} signatures afterwards (${acknowledged.length} acknowledged), each with 1 token and 1 sent email; 0 half-written, 0 stack traces`,
        );
      } finally {
        await sql.end();
      }
    });
  });
}

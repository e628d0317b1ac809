import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { auditDeliveries, bySender, countBy, drained, INSTANCES, signViaApi, supporter, type World } from '../support/world';

// 1. Cluster: three instances behind the round-robin proxy on one PostgreSQL. Signing is spread
// across all three and all three drain the outbox; no row is sent twice. Shared sessions, shared
// rate limits, forms posted across instances and staff edits seen everywhere within a second are
// proven in the browser by tests/e2e/cluster.spec.ts (same cluster code, lib/cli/cluster.mjs).

const SIGNATURES = 120;
const AT_ONCE = 12;

export function clusterSuite(world: () => World) {
  describe('1. cluster', () => {
    it(`${SIGNATURES} signatures spread over ${INSTANCES} instances, drained by all of them, each email sent once`, async () => {
      const { cluster, db, fake } = world();
      const tag = `spread${Date.now().toString(36)}`;
      const before = fake.requests.length;
      const started = Date.now();
      const answers: Awaited<ReturnType<typeof signViaApi>>[] = [];
      // A steady stream, a dozen at a time, through the proxy's round robin.
      for (let i = 0; i < SIGNATURES; i += AT_ONCE) {
        answers.push(...(await Promise.all(Array.from({ length: Math.min(AT_ONCE, SIGNATURES - i) }, () => signViaApi(cluster.proxyUrl, supporter(tag))))));
      }
      const signedIn = Date.now() - started;
      expect(answers.map((a) => a.status)).toEqual(Array(SIGNATURES).fill(201));
      const served = Object.fromEntries([...countBy(answers, (a) => `i${a.instance}`)].sort());
      expect(Object.keys(served), 'every instance signed').toHaveLength(INSTANCES);

      const mine = sql`to_address like ${`${tag}-%`}`;
      const outbox = await drained(db, 90_000, mine);
      const drainedIn = Date.now() - started;
      expect(outbox).toMatchObject({ total: SIGNATURES, sent: SIGNATURES, failed: 0 });
      const audit = await auditDeliveries(db, fake, mine);
      expect(audit).toMatchObject({ rows: SIGNATURES, emails: SIGNATURES, duplicateKeys: [], missingKeys: [], duplicateMessages: [], conflicts: 0 });
      const sentBy = bySender(fake.emails().filter((e) => String(e.body.to).startsWith(`${tag}-`)));
      expect(Object.keys(sentBy), 'every instance drained').toHaveLength(INSTANCES);
      const requests = fake.requests.slice(before).filter((r) => String(r.body.to).startsWith(`${tag}-`));
      console.log(
        `[faults] cluster: ${SIGNATURES} signatures (${AT_ONCE} at a time) in ${signedIn} ms, served by ${JSON.stringify(served)}; ` +
          `outbox drained ${drainedIn} ms after the first; emails sent by ${JSON.stringify(sentBy)}; ` +
          `${requests.length} provider requests for ${audit.emails} emails, 0 sent twice, 0 lost`,
      );
    });
  });
}

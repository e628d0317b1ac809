import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { queryRows } from '@/db/raw';
import { auditDeliveries, bySender, drained, INSTANCES, LEASE_MS, signViaApi, supporter, waitFor, type World } from '../support/world';

// 3. Process crash: an instance is killed with SIGKILL while a drain batch is in flight (the
// provider has taken its mail but not answered). Its claimed rows stay leased until the lease
// lapses; then the other instances send them, and the provider's idempotency key turns the re-send
// of mail it already took into a replay: every claimed row is sent exactly once.
// Runs last of the cluster suites: the killed instance stays dead.

const SIGNATURES = 15;

export function crashSuite(world: () => World) {
  describe('3. process crash', () => {
    it('an instance killed (SIGKILL) mid-batch: after the lease every claimed row is sent exactly once', async () => {
      const { cluster, db, fake } = world();
      const tag = `crash${Date.now().toString(36)}`;
      fake.setMode({ kind: 'accept-then-hang' });

      // Signed through the last instance, whose own drain kicks in after each signature; but every
      // instance drains the shared outbox every 250 ms, so whichever first has a send in flight (the
      // provider took the mail and has not answered) is the one killed.
      const answers = await Promise.all(Array.from({ length: SIGNATURES }, () => signViaApi(cluster.proxyUrl, supporter(tag), { instance: INSTANCES })));
      expect(answers.map((a) => a.status)).toEqual(Array(SIGNATURES).fill(201));
      const heldNow = () => fake.requests.filter((r) => r.held && String(r.body.to).startsWith(`${tag}-`));
      const first = await waitFor('an instance to have a send in flight', async () => heldNow()[0], 30_000, 20);
      const sender = first.sender;
      const victim = cluster.instances[Number(sender.slice(1)) - 1];
      expect(victim, `the sender ${sender} is one of the instances`).toBeDefined();
      const inFlight = heldNow().filter((r) => r.sender === sender);
      const mine = sql`to_address like ${`${tag}-%`}`;
      const leased = await queryRows<{ key: string }>(db, sql`select idempotency_key as key from email_outbox where ${mine} and status = 'sending'`);
      victim.kill('SIGKILL');
      const killedAt = Date.now();
      await victim.exited;
      fake.setMode({ kind: 'ok' });

      const outbox = await drained(db, 60_000, mine);
      expect(outbox).toMatchObject({ total: SIGNATURES, sent: SIGNATURES, failed: 0 });
      const audit = await auditDeliveries(db, fake, mine);
      expect(audit).toMatchObject({ rows: SIGNATURES, emails: SIGNATURES, duplicateKeys: [], missingKeys: [], duplicateMessages: [], conflicts: 0 });

      // The victim's in-flight rows were finished by the survivors, after the lease.
      const victimKeys = new Set(inFlight.map((r) => r.idempotencyKey!));
      const finished = await queryRows<{ key: string; ms: string }>(
        db,
        sql`select idempotency_key as key, extract(epoch from sent_at) * 1000 as ms from email_outbox where ${mine} and status = 'sent'`,
      );
      const victimRows = finished.filter((f) => victimKeys.has(f.key));
      expect(victimRows).toHaveLength(victimKeys.size);
      const finishedAfter = Math.round(Math.max(...victimRows.map((f) => Number(f.ms) - killedAt)));
      const resentBy = fake.requests.filter((r) => victimKeys.has(r.idempotencyKey!) && r.sender !== sender);
      expect(resentBy.length, 'the survivors re-sent the victim’s rows').toBeGreaterThan(0);
      expect(resentBy.every((r) => r.replay || r.status !== 200), 'a re-send of taken mail is a replay').toBe(true);
      console.log(
        `[faults] process crash: ${SIGNATURES} signatures through instance ${INSTANCES}; instance ${sender.slice(1)} killed with SIGKILL while ${victimKeys.size} of its sends were in flight ` +
          `(${leased.length} rows leased at that moment, lease ${LEASE_MS} ms); the last of its rows was recorded sent ${finishedAfter} ms after the kill ` +
          `by the survivors (${resentBy.length} re-sends, answered as replays); emails sent by ${JSON.stringify(bySender(fake.emails().filter((e) => String(e.body.to).startsWith(`${tag}-`))))}: ` +
          `${audit.emails} for ${SIGNATURES} rows, 0 twice, 0 lost`,
      );
    });
  });
}

import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { sendLetters } from '@/lib/letters/send-letters';
import type { FakeResendMode } from '../../support/fake-resend';
import { auditDeliveries, bySender, CAMPAIGN_SLUG, drained, SEND_TIMEOUT_MS, signViaApi, supporter, type World } from '../support/world';

// 2. Provider outage: the fake Resend answers 500s, then 429s with Retry-After, then hangs, then
// takes mail without answering, while signatures and letters keep arriving. After it recovers every
// email is delivered once: none lost, none twice, no retry sooner than Retry-After asked.

const RETRY_AFTER_S = 2;
const PHASES: { mode: FakeResendMode; ms: number; label: string }[] = [
  { mode: { kind: 'fail', status: 500 }, ms: 2_000, label: '500s' },
  { mode: { kind: 'fail', status: 429, retryAfterSeconds: RETRY_AFTER_S }, ms: 2_500, label: `429s (Retry-After: ${RETRY_AFTER_S})` },
  { mode: { kind: 'hang' }, ms: 2_500, label: 'hangs' },
  { mode: { kind: 'accept-then-hang' }, ms: 1_500, label: 'accepted, never answered' },
];

export function outageSuite(world: () => World) {
  describe('2. provider outage', () => {
    it('500s, 429s with Retry-After, hangs and lost answers while mail keeps coming: every email delivered once', async () => {
      const { cluster, db, fake } = world();
      const tag = `outage${Date.now().toString(36)}`;
      const before = fake.requests.length;
      let producing = true;
      const signed: number[] = [];
      let letterBatches = 0;
      const signer = (async () => {
        while (producing) {
          const r = await signViaApi(cluster.proxyUrl, supporter(tag));
          signed.push(r.status);
          await new Promise((res) => setTimeout(res, 100));
        }
      })();
      const writer = (async () => {
        while (producing) {
          const who = { ...supporter(tag), zip: '62701', city: 'Springfield' };
          await sendLetters({
            input: { campaignSlug: CAMPAIGN_SLUG, ...who, subject: 'Please support ratification', body: 'Dear Senator,\n\nPlease support ratification.\n\nThank you.' },
          });
          letterBatches++;
          await new Promise((res) => setTimeout(res, 300));
        }
      })();

      const phaseLog: string[] = [];
      for (const phase of PHASES) {
        fake.setMode(phase.mode);
        const from = fake.requests.length;
        await new Promise((res) => setTimeout(res, phase.ms));
        const during = fake.requests.slice(from);
        phaseLog.push(`${phase.label} ${phase.ms} ms: ${during.length} requests`);
      }
      fake.setMode({ kind: 'ok' });
      const recoveredAt = Date.now();
      // Mail keeps coming a little after the recovery too.
      await new Promise((res) => setTimeout(res, 1_000));
      producing = false;
      await Promise.all([signer, writer]);
      expect(signed.filter((s) => s !== 201), 'signing never failed during the outage').toEqual([]);

      const mine = sql`to_address like ${`${tag}-%`}`;
      const outbox = await drained(db, 120_000, mine);
      const drainedAfter = Date.now() - recoveredAt;
      expect(outbox.failed, 'no email given up').toBe(0);
      expect(outbox.sent).toBe(outbox.total);
      const audit = await auditDeliveries(db, fake, mine);
      expect(audit).toMatchObject({ rows: outbox.total, emails: outbox.total, duplicateKeys: [], missingKeys: [], duplicateMessages: [], conflicts: 0 });

      // Retry-After honoured: no row was tried again sooner than the provider asked.
      const requests = fake.requests.slice(before).filter((r) => String(r.body.to).startsWith(`${tag}-`));
      const tooSoon: string[] = [];
      for (const [i, r] of requests.entries()) {
        if (r.status !== 429) continue;
        const next = requests.slice(i + 1).find((n) => n.idempotencyKey === r.idempotencyKey);
        if (next && next.at - r.at < RETRY_AFTER_S * 1000 - 50) tooSoon.push(`${r.idempotencyKey} after ${next.at - r.at} ms`);
      }
      expect(tooSoon, 'retried before Retry-After').toEqual([]);
      const count = (pred: (r: (typeof requests)[number]) => boolean) => requests.filter(pred).length;
      console.log(
        `[faults] provider outage: ${PHASES.map((p) => p.label).join(' → ')}; ${phaseLog.join('; ')}. ` +
          `Meanwhile ${signed.length} signatures (all 201) and ${letterBatches} letter submissions → ${outbox.total} emails queued. ` +
          `Provider saw ${requests.length} requests: ${count((r) => r.status === 500)} × 500, ${count((r) => r.status === 429)} × 429, ` +
          `${count((r) => r.status === 0)} timed out unanswered (send timeout ${SEND_TIMEOUT_MS} ms), ${count((r) => r.replay)} replays answered from the idempotency key, ` +
          `${audit.emails} emails sent (by ${JSON.stringify(bySender(fake.emails().filter((e) => String(e.body.to).startsWith(`${tag}-`))))}); ` +
          `all delivered ${drainedAfter} ms after recovery, 0 lost, 0 twice, 0 retried before Retry-After`,
      );
    });
  });
}

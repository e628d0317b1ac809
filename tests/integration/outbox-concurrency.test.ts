import { describe, expect, it } from 'vitest';
import { emailOutbox } from '@/db/schema';
import { drainOutbox, type DrainResult } from '@/lib/email/drain';
import { enqueueEmail } from '@/lib/email/enqueue';
import { secretLink } from '@/lib/email/secret-links';
import type { EmailTransport } from '@/lib/email/transports';
import { getTestDb, testDriver } from '../support/test-db';

const props = {
  firstName: 'Maya',
  campaignTitle: 'Ratify the CRC',
  confirmUrl: secretLink('/confirm/signature/{token}', 'abc'),
  unsubscribeUrl: secretLink('/unsubscribe/{token}', 'abc'),
  coalitionName: 'Child Rights Coalition',
};

/**
 * Records every send. The first send waits until a second one has started, so the two drainers'
 * sends really overlap (a condition, not a delay: if the other drainer never sends, the test fails).
 */
function recordingTransport(): EmailTransport & { sends: string[] } {
  const sends: string[] = [];
  let n = 0;
  let started = 0;
  let secondStarted!: () => void;
  const overlap = new Promise<void>((resolve) => (secondStarted = resolve));
  return {
    name: 'recording',
    sends,
    async send(msg) {
      if (++started === 2) secondStarted();
      if (started === 1) await overlap;
      sends.push(msg.idempotencyKey);
      return { id: `rec-${++n}` };
    },
  };
}

async function drainUntilEmpty(transport: EmailTransport, limit: number) {
  const runs: DrainResult[] = [];
  for (;;) {
    const r = await drainOutbox({ transport, limit });
    if (r.claimed === 0) return runs;
    runs.push(r);
  }
}

describe(`concurrent drainers (${testDriver()})`, () => {
  it('send every row exactly once', async () => {
    const { db } = await getTestDb();
    const keys = Array.from({ length: 30 }, (_, i) => `sig:concurrent:${i}`);
    await db.transaction(async (tx) => {
      for (const [i, key] of keys.entries()) {
        await enqueueEmail(tx, { template: 'signature-confirmation', to: `s${i}@example.org`, props, idempotencyKey: key });
      }
    });

    const transport = recordingTransport();
    const [a, b] = await Promise.all([drainUntilEmpty(transport, 4), drainUntilEmpty(transport, 4)]);

    expect(transport.sends).toHaveLength(30);
    expect(new Set(transport.sends)).toEqual(new Set(keys));
    const claimedA = a.reduce((s, r) => s + r.claimed, 0);
    const claimedB = b.reduce((s, r) => s + r.claimed, 0);
    expect(claimedA + claimedB).toBe(30);
    expect(claimedA).toBeGreaterThan(0); // both really took part
    expect(claimedB).toBeGreaterThan(0);

    const rows = await db.select().from(emailOutbox);
    expect(rows.every((r) => r.status === 'sent' && r.attempts === 1)).toBe(true);
    expect(new Set(rows.map((r) => r.providerMessageId)).size).toBe(30);
  });

  it('split one batch between two drainers claiming at the same moment', async () => {
    const { db } = await getTestDb();
    for (let i = 0; i < 30; i++) {
      await enqueueEmail(db, { template: 'signature-confirmation', to: `t${i}@example.org`, props, idempotencyKey: `sig:batch:${i}` });
    }
    const transport = recordingTransport();
    const [a, b] = await Promise.all([drainOutbox({ transport, limit: 20 }), drainOutbox({ transport, limit: 20 })]);
    expect(a.claimed + b.claimed).toBe(30);
    expect(Math.max(a.claimed, b.claimed)).toBeLessThanOrEqual(20);
    expect(new Set(transport.sends).size).toBe(30);
    expect(transport.sends).toHaveLength(30);
  });
});

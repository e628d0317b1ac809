import { describe, expect, it } from 'vitest';
import { emailOutbox } from '@/db/schema';
import { kickDrain, startDrainLoop, stopDrainLoop } from '@/lib/email/drain-loop';
import { enqueueEmail } from '@/lib/email/enqueue';
import { secretLink } from '@/lib/email/secret-links';
import { getTestDb } from '../support/test-db';

const props = { url: secretLink('/sign-in/link?email=x%40example.org&token={token}', 't'), host: 'localhost:3000', expiresMinutes: 10 };

describe('drain loop', () => {
  it('kickDrain sends what was just queued; overlapping kicks share one run', async () => {
    const { db } = await getTestDb();
    for (let i = 0; i < 3; i++) {
      await enqueueEmail(db, { template: 'staff-sign-in', to: `staff${i}@example.org`, props, idempotencyKey: `kick:${i}` });
    }
    const first = kickDrain();
    const second = kickDrain();
    expect(second).toBe(first);
    await first;
    const rows = await db.select().from(emailOutbox);
    expect(rows.map((r) => r.status)).toEqual(['sent', 'sent', 'sent']);
    expect(rows.every((r) => r.transport === 'local' && r.attempts === 1)).toBe(true);
  });

  it('startDrainLoop is idempotent and stops cleanly', async () => {
    const g = globalThis as unknown as { __ratifyDrain?: { timer?: NodeJS.Timeout } };
    try {
      startDrainLoop();
      const timer = g.__ratifyDrain?.timer;
      expect(timer).toBeDefined();
      startDrainLoop();
      expect(g.__ratifyDrain?.timer).toBe(timer);
      expect(timer!.hasRef()).toBe(false);
    } finally {
      await stopDrainLoop();
    }
    expect(g.__ratifyDrain?.timer).toBeUndefined();
  });
});

import { eq, like } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { auditLog, signatures } from '@/db/schema';
import { listSigners } from '@/lib/people/list-signers';
import { moderateComment } from '@/lib/people/moderate-comment';
import { seedWorld, signer } from './people-fixtures';
import { makeStaff } from './staff-fixtures';

describe('moderateComment', () => {
  it('approves and hides comments, leaves the queue, and audits without the text', async () => {
    const w = await seedWorld();
    const analyst = await makeStaff('analyst');
    const one = await signer({ firstName: 'A', lastName: 'One', email: 'one@example.org', campaignId: w.campaignId, comment: 'Secret words one' });
    const two = await signer({ firstName: 'B', lastName: 'Two', email: 'two@example.org', campaignId: w.campaignId, comment: 'Secret words two' });

    const queue = await listSigners({ actor: analyst, input: { comment: 'pending' } });
    expect(queue.total).toBe(2);

    await moderateComment({ actor: analyst, input: { signatureId: one.signatureId, decision: 'approve' } });
    await moderateComment({ actor: analyst, input: { signatureId: two.signatureId, decision: 'hide' } });
    // Repeating a decision changes nothing and writes no second audit row.
    await moderateComment({ actor: analyst, input: { signatureId: two.signatureId, decision: 'hide' } });

    const rows = await getDb().select().from(signatures);
    expect(rows.find((r) => r.id === one.signatureId)?.commentStatus).toBe('approved');
    expect(rows.find((r) => r.id === two.signatureId)?.commentStatus).toBe('hidden');
    expect((await listSigners({ actor: analyst, input: { comment: 'pending' } })).total).toBe(0);

    const audit = await getDb().select().from(auditLog).where(like(auditLog.action, 'comment.%')).orderBy(auditLog.id);
    expect(audit.map((a) => [a.action, a.entityId])).toEqual([
      ['comment.approve', one.signatureId],
      ['comment.hide', two.signatureId],
    ]);
    expect(JSON.stringify(audit)).not.toMatch(/Secret words/);
  });

  it('needs people:moderate and an existing comment', async () => {
    const w = await seedWorld();
    const s = await signer({ firstName: 'A', lastName: 'One', email: 'one@example.org', campaignId: w.campaignId });
    const input = { signatureId: s.signatureId, decision: 'approve' as const };
    await expect(moderateComment({ actor: await makeStaff('viewer'), input })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(moderateComment({ actor: await makeStaff('editor'), input })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(moderateComment({ actor: await makeStaff('analyst'), input })).rejects.toMatchObject({ code: 'NOT_FOUND' });
    expect(await getDb().select().from(auditLog).where(eq(auditLog.action, 'comment.approve'))).toHaveLength(0);
  });
});

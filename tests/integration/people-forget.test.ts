import { and, count, eq, sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { getDb } from '@/db/client';
import { queryRows } from '@/db/raw';
import { actionTokens, auditLog, emailOutbox, letters, signatures, supporters } from '@/db/schema';
import { forgetPerson } from '@/lib/people/forget-person';
import { getPerson } from '@/lib/people/get-person';
import { listSigners } from '@/lib/people/list-signers';
import { letter, outboxTo, seedWorld, senatorsOf, signer } from './people-fixtures';
import { makeStaff } from './staff-fixtures';

async function world() {
  const w = await seedWorld();
  const admin = await makeStaff('admin');
  const analyst = await makeStaff('analyst');
  const grace = await signer({
    firstName: 'Grace', lastName: 'Hopper', email: 'grace@example.org', state: 'CA', city: 'Arlington',
    campaignId: w.campaignId, source: 'newsletter', comment: 'Grace says: ratify now', commentStatus: 'approved',
  });
  const other = await signer({ firstName: 'Alan', lastName: 'Turing', email: 'alan@example.org', state: 'CA', campaignId: w.campaignId });
  const [s1, s2] = await senatorsOf('CA');
  const sent = await letter({
    campaignId: w.campaignId, supporterId: grace.supporterId, senatorId: s1.bioguideId, status: 'sent',
    body: 'Grace Hopper from Arlington writes', withOutbox: { to: 'office@senate.test', status: 'sent' },
  });
  const queued = await letter({
    campaignId: w.campaignId, supporterId: grace.supporterId, senatorId: s2.bioguideId, status: 'queued',
    withOutbox: { to: 'office2@senate.test', status: 'queued' },
  });
  await outboxTo('grace@example.org', 'signature-confirmation', 'sent');
  await outboxTo('Grace@Example.org', 'letter-receipt', 'failed', { lastError: 'bounced' });
  const alanMail = await outboxTo('alan@example.org', 'signature-confirmation', 'sent');
  await getDb().insert(actionTokens).values({
    tokenHash: 'h1', purpose: 'unsubscribe', supporterId: grace.supporterId, expiresAt: new Date(Date.now() + 3_600_000),
  });
  return { ...w, admin, analyst, grace, other, sent, queued, alanMail };
}

const countWhere = async (table: typeof signatures | typeof letters, cond: ReturnType<typeof eq>) =>
  (await getDb().select({ n: count() }).from(table).where(cond))[0].n;

describe('forgetPerson', () => {
  it('erases personal data everywhere but keeps anonymous counts, and is audited', async () => {
    const w = await world();
    const db = getDb();
    const before = {
      signatures: await countWhere(signatures, eq(signatures.campaignId, w.campaignId)),
      caSignatures: await countWhere(signatures, and(eq(signatures.campaignId, w.campaignId), eq(signatures.state, 'CA'))!),
      letters: await countWhere(letters, eq(letters.campaignId, w.campaignId)),
    };

    const result = await forgetPerson({ actor: w.admin, input: { supporterId: w.grace.supporterId, confirmation: 'FORGET' } });
    expect(result).toMatchObject({ signatures: 1, letters: 2, emails: 4 });

    const [p] = await db.select().from(supporters).where(eq(supporters.id, w.grace.supporterId));
    expect(p).toMatchObject({ email: null, firstName: '', lastName: '', zip: null, city: null, street: null, state: 'CA' });
    expect(p.forgottenAt).toBeInstanceOf(Date);

    const [sig] = await db.select().from(signatures).where(eq(signatures.id, w.grace.signatureId));
    expect(sig).toMatchObject({ comment: null, commentStatus: 'none', state: 'CA', source: 'newsletter' });

    const graceLetters = await db.select().from(letters).where(eq(letters.supporterId, w.grace.supporterId));
    expect(graceLetters.every((l) => l.body === '[erased]' && l.subject === '[erased]')).toBe(true);
    expect(graceLetters.find((l) => l.id === w.sent.letterId)?.status).toBe('sent');
    expect(graceLetters.find((l) => l.id === w.queued.letterId)).toMatchObject({ status: 'failed', failureReason: 'Supporter forgotten before delivery' });

    expect(await db.select().from(actionTokens).where(eq(actionTokens.supporterId, w.grace.supporterId))).toHaveLength(0);

    // No trace of her name, town, comment or address in any table the app writes.
    for (const needle of ['grace', 'hopper', 'arlington', 'ratify now']) {
      const hits = await queryRows<{ n: number }>(
        db,
        sql`select (
          (select count(*) from supporters s where row_to_json(s)::text ilike ${'%' + needle + '%'}) +
          (select count(*) from signatures s where row_to_json(s)::text ilike ${'%' + needle + '%'}) +
          (select count(*) from letters s where row_to_json(s)::text ilike ${'%' + needle + '%'}) +
          (select count(*) from email_outbox s where row_to_json(s)::text ilike ${'%' + needle + '%'}) +
          (select count(*) from audit_log s where row_to_json(s)::text ilike ${'%' + needle + '%'})
        )::int as n`,
      );
      expect(hits[0].n, needle).toBe(0);
    }

    const outbox = await db.select().from(emailOutbox);
    const forgotten = outbox.filter((o) => o.toAddress === 'forgotten');
    expect(forgotten).toHaveLength(2);
    expect(forgotten.every((o) => Object.keys(o.props).length === 0 && o.renderedHtml === null && o.renderedText === null)).toBe(true);
    const officeRows = outbox.filter((o) => o.toAddress.endsWith('@senate.test'));
    expect(officeRows.every((o) => Object.keys(o.props).length === 0 && o.renderedHtml === null)).toBe(true);
    expect(officeRows.find((o) => o.id === w.queued.outboxId)).toMatchObject({ status: 'failed', lastError: 'Recipient forgotten' });
    // Someone else's mail is untouched.
    expect(outbox.find((o) => o.id === w.alanMail)).toMatchObject({ toAddress: 'alan@example.org', renderedHtml: '<p>Hi</p>' });

    expect(await countWhere(signatures, eq(signatures.campaignId, w.campaignId))).toBe(before.signatures);
    expect(await countWhere(signatures, and(eq(signatures.campaignId, w.campaignId), eq(signatures.state, 'CA'))!)).toBe(before.caSignatures);
    expect(await countWhere(letters, eq(letters.campaignId, w.campaignId))).toBe(before.letters);

    const audit = await db.select().from(auditLog).where(eq(auditLog.action, 'person.forget'));
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorUserId: w.admin.id, entityType: 'supporter', entityId: w.grace.supporterId });
    expect(JSON.stringify(audit[0].data)).not.toMatch(/grace|hopper|@/i);

    // The person page and the list show a forgotten supporter without data.
    const page = await getPerson({ actor: w.analyst, input: { supporterId: w.grace.supporterId } });
    expect(page).toMatchObject({ email: null, firstName: '', emails: [] });
    const list = await listSigners({ actor: w.analyst, input: { q: 'grace' } });
    expect(list.total).toBe(0);
  });

  it('needs people:forget, the typed confirmation, and refuses to forget twice', async () => {
    const w = await world();
    const input = { supporterId: w.grace.supporterId, confirmation: 'FORGET' };
    await expect(forgetPerson({ actor: w.analyst, input })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await expect(forgetPerson({ actor: w.admin, input: { ...input, confirmation: 'forget' } })).rejects.toMatchObject({ code: 'VALIDATION' });
    const [p] = await getDb().select().from(supporters).where(eq(supporters.id, w.grace.supporterId));
    expect(p.email).toBe('grace@example.org');
    await forgetPerson({ actor: w.admin, input });
    await expect(forgetPerson({ actor: w.admin, input })).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(await getDb().select().from(auditLog).where(eq(auditLog.action, 'person.forget'))).toHaveLength(1);
  });
});

// Send-it-yourself letters: the receipt and the page carry an "I sent it" link; pressing its button
// counts the letter as sent (by the supporter) in the ledger and the tallies. Token-protected.
import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { auditLog, campaigns, letters } from '@/db/schema';
import { seedDatabase } from '@/db/seed/seed-database';
import { AppError } from '@/lib/errors';
import { confirmLetters } from '@/lib/letters/confirm-letters';
import { buildLetterDraft, type LetterDraft } from '@/lib/letters/letter-draft';
import { listSenatorTallies } from '@/lib/letters/list-senator-tallies';
import { getSelfSentLetter, markLetterSelfSent } from '@/lib/letters/mark-letter-self-sent';
import { sendLetters } from '@/lib/letters/send-letters';
import { importSenators } from '@/lib/senators/import-senators';
import { liveLink } from '../support/mail-links';
import { outboxFor } from '../support/outbox';
import { ROSTER_DIR } from '../support/roster';
import { getTestDb } from '../support/test-db';
import { makeStaff } from './staff-fixtures';

const DUCKWORTH = 'D000622';
let draft: LetterDraft;
let campaignId: string;

beforeEach(async () => {
  const { db } = await getTestDb();
  const seeded = await seedDatabase(db, { adminEmail: 'owner@test.example' });
  campaignId = seeded.campaignId;
  await importSenators({ source: ROSTER_DIR, db });
  const [c] = await db.select().from(campaigns).where(eq(campaigns.id, campaignId));
  draft = buildLetterDraft({ subjectTemplate: c.letterSubjectTemplate, bodyTemplate: c.letterBodyTemplate, treatyName: 'Optional Protocol', treatyShortName: 'OPSC' });
});

async function writeAndConfirm() {
  await sendLetters({
    input: { campaignSlug: 'protect-children-protocol', firstName: 'Ada', lastName: 'Lovelace', email: 'ada@example.org', zip: '62701', subject: draft.subject, body: draft.body },
    requireStreet: false,
  });
  const [mail] = await outboxFor('ada@example.org', 'letters-confirmation');
  return confirmLetters({ input: { token: (await liveLink(mail, 'confirmUrl')).split('/').pop()! } });
}

const tokenOf = (pathOrUrl: string) => pathOrUrl.split('/letters/sent/')[1];

describe('"I sent it"', () => {
  it('links every send-it-yourself letter from the page and the receipt, and counts it once pressed', async () => {
    const res = await writeAndConfirm();
    expect(res.letters.every((l) => l.status === 'self_send' && l.sentItPath?.startsWith('/letters/sent/'))).toBe(true);
    const duck = res.letters.find((l) => l.senatorId === DUCKWORTH)!;

    const [receipt] = await outboxFor('ada@example.org', 'letter-receipt');
    const inMail = (receipt.props.letters as { senatorName: string; selfSend: { sentIt: string } }[]).find((l) => l.senatorName === duck.senatorName)!;
    expect(inMail.selfSend.sentIt).toMatch(/^http:\/\/localhost:\d+\/letters\/sent\//);
    expect(tokenOf(inMail.selfSend.sentIt)).toBe(tokenOf(duck.sentItPath!));

    // Opening the page changes nothing (scanners open links).
    const token = tokenOf(duck.sentItPath!);
    expect(await getSelfSentLetter({ input: { token } })).toMatchObject({ sent: false, canReport: true, senatorName: 'Senator Tammy Duckworth' });
    const { db } = await getTestDb();
    expect((await db.select().from(letters).where(eq(letters.id, duck.letterId)))[0].status).toBe('self_send');

    expect(await markLetterSelfSent({ input: { token } })).toMatchObject({ sent: true, canReport: false });
    const [row] = await db.select().from(letters).where(eq(letters.id, duck.letterId));
    expect(row).toMatchObject({ status: 'sent', channel: 'supporter' });
    expect(row.sentAt).toBeInstanceOf(Date);
    // Idempotent; audited once.
    await markLetterSelfSent({ input: { token } });
    expect((await db.select().from(auditLog).where(eq(auditLog.action, 'letter.self_sent'))).map((a) => a.entityId)).toEqual([duck.letterId]);

    const tallies = await listSenatorTallies({ actor: await makeStaff('analyst'), input: { campaignId } });
    expect(tallies.rows.find((r) => r.senatorId === DUCKWORTH)!.letters).toMatchObject({ sent: 1, self_send: 0 });
  });

  it('refuses a forged or malformed token', async () => {
    const res = await writeAndConfirm();
    const token = tokenOf(res.letters[0].sentItPath!);
    const forged = `${token.split('.')[0]}.${'A'.repeat(32)}`;
    for (const bad of [forged, 'nope', `${'0'.repeat(32)}.${token.split('.')[1]}`]) {
      const e = await markLetterSelfSent({ input: { token: bad } }).catch((x: unknown) => x);
      expect(e).toBeInstanceOf(AppError);
      expect((e as AppError).code).toBe('NOT_FOUND');
    }
    const { db } = await getTestDb();
    expect((await db.select().from(letters)).every((l) => l.status === 'self_send')).toBe(true);
  });
});

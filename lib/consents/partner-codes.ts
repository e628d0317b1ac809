// No `server-only`: proxy.ts calls this (Node runtime, same process).
import { sql } from 'drizzle-orm';
import { getDb, type DbOrTx } from '@/db/client';
import { queryRows } from '@/db/raw';
import { logger } from '@/lib/log/logger';

// The short codes of current partners, read by proxy.ts for campaign-page visits that carry
// `?ref=`: one small read, remembered a few seconds (instances share the database, so a partner
// added or retired on one is seen by the others within TTL_MS). On globalThis: the proxy is a
// bundle of its own in the same process.
const TTL_MS = 5_000;
// After a failed read (the database is down), the answer "not a partner" is kept this long, so
// referral visits get the plain page at once instead of each waiting on a read of its own.
const FAILURE_TTL_MS = 1_000;
type Memo = { codes: Set<string>; until: number };
const g = globalThis as unknown as { __ratifyPartnerCodes?: Memo; __ratifyPartnerCodesRead?: Promise<Memo>; __ratifyPartnerCodesGen?: number };

/** Whether `code` is a current (not retired) partner's short code; false when the database cannot be read. */
export async function isCurrentPartnerCode(code: string, now = Date.now(), db: DbOrTx = getDb()): Promise<boolean> {
  const memo = g.__ratifyPartnerCodes;
  if (memo && memo.until > now) return memo.codes.has(code);
  // One read at a time: visits arriving while it runs share its answer.
  let read = g.__ratifyPartnerCodesRead;
  if (!read) {
    const started: Promise<Memo> = readCodes(db, now).finally(() => {
      if (g.__ratifyPartnerCodesRead === started) g.__ratifyPartnerCodesRead = undefined;
    });
    g.__ratifyPartnerCodesRead = read = started;
  }
  return (await read).codes.has(code);
}

async function readCodes(db: DbOrTx, now: number): Promise<Memo> {
  const gen = g.__ratifyPartnerCodesGen ?? 0;
  let memo: Memo;
  try {
    const rows = await queryRows<{ slug: string }>(db, sql`select slug from organisations where kind = 'partner' and retired_at is null`);
    memo = { codes: new Set(rows.map((r) => r.slug)), until: now + TTL_MS };
  } catch (err) {
    logger.warn({ err }, 'partner codes unreadable; the campaign page shows its usual box order');
    memo = { codes: new Set(), until: now + FAILURE_TTL_MS };
  }
  // A read that began before a partner change on this instance answers its visits but is not kept.
  if ((g.__ratifyPartnerCodesGen ?? 0) === gen) g.__ratifyPartnerCodes = memo;
  return memo;
}

/** After a partner is added, renamed or retired on this instance: read the codes again. */
export function forgetPartnerCodes() {
  g.__ratifyPartnerCodes = undefined;
  g.__ratifyPartnerCodesRead = undefined;
  g.__ratifyPartnerCodesGen = (g.__ratifyPartnerCodesGen ?? 0) + 1;
}

// No `server-only`: proxy.ts calls this (Node runtime, same process).
import { sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { queryRows } from '@/db/raw';
import { logger } from '@/lib/log/logger';

// The short codes of current partners, read by proxy.ts for campaign-page visits that carry
// `?ref=`: one small read, remembered a few seconds (instances share the database, so a partner
// added or retired on one is seen by the others within TTL_MS). On globalThis: the proxy is a
// bundle of its own in the same process.
const TTL_MS = 5_000;
const g = globalThis as unknown as { __ratifyPartnerCodes?: { codes: Set<string>; until: number } };

/** Whether `code` is a current (not retired) partner's short code; false when the database cannot be read. */
export async function isCurrentPartnerCode(code: string, now = Date.now()): Promise<boolean> {
  const memo = g.__ratifyPartnerCodes;
  if (memo && memo.until > now) return memo.codes.has(code);
  try {
    const rows = await queryRows<{ slug: string }>(getDb(), sql`select slug from organisations where kind = 'partner' and retired_at is null`);
    const codes = new Set(rows.map((r) => r.slug));
    g.__ratifyPartnerCodes = { codes, until: now + TTL_MS };
    return codes.has(code);
  } catch (err) {
    logger.warn({ err }, 'partner codes unreadable; the campaign page shows its usual box order');
    return false;
  }
}

/** After a partner is added, renamed or retired on this instance: read the codes again. */
export function forgetPartnerCodes() {
  g.__ratifyPartnerCodes = undefined;
}

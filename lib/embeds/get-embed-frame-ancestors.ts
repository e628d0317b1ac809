// No `server-only`: proxy.ts calls this for every /embed/* request (Node runtime, same process).
import { sql } from 'drizzle-orm';
import { getDb } from '@/db/client';
import { queryRows } from '@/db/raw';
import { env } from '@/lib/env';
import { logger } from '@/lib/log/logger';
import { parseFrameAncestors } from './frame-ancestors';

// One indexed single-row read per embed request, remembered for a few seconds at most: several
// instances share the database, so a change saved on one reaches the others within TTL_MS. The
// memo lives on globalThis because the proxy and the server actions are separate bundles in one
// process: the instance that saves a change forgets it at once (forgetEmbedFrameAncestors).
const TTL_MS = 5_000;
const g = globalThis as unknown as { __ratifyEmbedAncestors?: { value: string; until: number } };

/**
 * The `frame-ancestors` sources for /embed/*: the coalition's list (Organisations page), else
 * EMBED_FRAME_ANCESTORS, else `*`. When the database cannot be read, `'none'`: a restriction
 * the coalition set must not fall open during an outage (the embed could not render anyway).
 */
export async function getEmbedFrameAncestors(now = Date.now()): Promise<string> {
  const memo = g.__ratifyEmbedAncestors;
  if (memo && memo.until > now) return memo.value;
  let stored: string | null;
  try {
    const [row] = await queryRows<{ v: string | null }>(getDb(), sql`select embed_frame_ancestors as v from organisations where kind = 'host' limit 1`);
    stored = row?.v ?? null;
  } catch (err) {
    logger.error({ err }, 'embed allowlist unreadable; embeds refuse to be framed');
    return "'none'";
  }
  // Saved through the validated form; parsed again so a hand-edited row cannot inject policy syntax.
  const parsed = stored === null ? null : parseFrameAncestors(stored);
  const value = parsed === null ? env().EMBED_FRAME_ANCESTORS : parsed.ok ? (parsed.value ?? env().EMBED_FRAME_ANCESTORS) : "'none'";
  g.__ratifyEmbedAncestors = { value, until: now + TTL_MS };
  return value;
}

/** After a save on this instance: the next embed request reads the new list. */
export function forgetEmbedFrameAncestors() {
  g.__ratifyEmbedAncestors = undefined;
}

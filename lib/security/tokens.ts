import 'server-only';
import { createHash, randomBytes } from 'node:crypto';
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { DbOrTx } from '@/db/client';
import { actionTokens } from '@/db/schema';
import { AppError } from '@/lib/errors';

export type TokenPurpose = (typeof actionTokens.$inferSelect)['purpose'];
export type TokenOwner = { supporterId: string; campaignId: string | null; batchId: string | null };

/** Links carry 32 random bytes; only their SHA-256 is stored, so a database leak yields no links. */
export function newRawToken(): { raw: string; hash: string } {
  const raw = randomBytes(32).toString('base64url');
  return { raw, hash: hashToken(raw) };
}

export function hashToken(raw: string): string {
  return createHash('sha256').update(raw).digest('hex');
}

// A raw token is exactly 43 base64url characters; anything else is not worth a query.
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

type NewToken = { purpose: TokenPurpose; supporterId: string; campaignId?: string | null; batchId?: string | null; ttlHours: number };

export async function createActionToken(tx: DbOrTx, input: NewToken): Promise<string> {
  const [raw] = await createActionTokens(tx, [input]);
  return raw;
}

/** Many tokens with one INSERT per thousand (a bulk sender's batch); their raw values, in order. */
export async function createActionTokens(tx: DbOrTx, inputs: NewToken[]): Promise<string[]> {
  const now = Date.now();
  const made = inputs.map((input) => ({ input, ...newRawToken() }));
  for (let i = 0; i < made.length; i += 1000) {
    await tx.insert(actionTokens).values(
      made.slice(i, i + 1000).map(({ input, hash }) => ({
        tokenHash: hash,
        purpose: input.purpose,
        supporterId: input.supporterId,
        campaignId: input.campaignId ?? null,
        batchId: input.batchId ?? null,
        expiresAt: new Date(now + input.ttlHours * 3_600_000),
      })),
    );
  }
  return made.map((m) => m.raw);
}

const LINK_NOT_VALID = 'This link is not valid or has already been used. Links in our emails work once.';
const notFound = () => new AppError('NOT_FOUND', LINK_NOT_VALID);
const used = () => new AppError('TOKEN_USED', LINK_NOT_VALID);
const expired = () =>
  new AppError('TOKEN_EXPIRED', 'This link has expired. Links in our emails stay valid for a limited time.');

/**
 * Redeem a token for its purpose. Single-use tokens are claimed by one conditional UPDATE, so two
 * clicks racing each other cannot both succeed. Throws NOT_FOUND (unknown), TOKEN_USED or
 * TOKEN_EXPIRED, with messages fit to show the person who clicked.
 */
export async function consumeActionToken(
  tx: DbOrTx,
  raw: string,
  purpose: TokenPurpose,
  { singleUse = true }: { singleUse?: boolean } = {},
): Promise<TokenOwner> {
  if (!TOKEN_SHAPE.test(raw)) throw notFound();
  const hash = hashToken(raw);
  if (singleUse) {
    const [claimed] = await tx
      .update(actionTokens)
      .set({ usedAt: sql`now()` })
      .where(
        and(
          eq(actionTokens.tokenHash, hash),
          eq(actionTokens.purpose, purpose),
          isNull(actionTokens.usedAt),
          sql`${actionTokens.expiresAt} > now()`,
        ),
      )
      .returning({ supporterId: actionTokens.supporterId, campaignId: actionTokens.campaignId, batchId: actionTokens.batchId });
    if (claimed) return claimed;
  }
  return checkToken(tx, hash, purpose, !singleUse);
}

/** After the fact: the owner of a token that has been used (for an "it worked" page), else null. */
export async function findUsedActionToken(tx: DbOrTx, raw: string, purpose: TokenPurpose): Promise<TokenOwner | null> {
  if (!TOKEN_SHAPE.test(raw)) return null;
  const [row] = await tx
    .select({ supporterId: actionTokens.supporterId, campaignId: actionTokens.campaignId, batchId: actionTokens.batchId, usedAt: actionTokens.usedAt })
    .from(actionTokens)
    .where(and(eq(actionTokens.tokenHash, hashToken(raw)), eq(actionTokens.purpose, purpose)));
  return row?.usedAt ? { supporterId: row.supporterId, campaignId: row.campaignId, batchId: row.batchId } : null;
}

/** Look without using: for pages that ask "are you sure?" before acting. */
export async function peekActionToken(tx: DbOrTx, raw: string, purpose: TokenPurpose): Promise<TokenOwner> {
  if (!TOKEN_SHAPE.test(raw)) throw notFound();
  return checkToken(tx, hashToken(raw), purpose, true);
}

async function checkToken(tx: DbOrTx, hash: string, purpose: TokenPurpose, usable: boolean): Promise<TokenOwner> {
  const [row] = await tx
    .select({
      supporterId: actionTokens.supporterId,
      campaignId: actionTokens.campaignId,
      batchId: actionTokens.batchId,
      usedAt: actionTokens.usedAt,
      expired: sql<boolean>`${actionTokens.expiresAt} <= now()`,
    })
    .from(actionTokens)
    .where(and(eq(actionTokens.tokenHash, hash), eq(actionTokens.purpose, purpose)));
  if (!row) throw notFound();
  if (row.usedAt) throw used();
  if (row.expired) throw expired();
  if (!usable) throw used(); // claimed by a concurrent request between the UPDATE and this read
  return { supporterId: row.supporterId, campaignId: row.campaignId, batchId: row.batchId };
}

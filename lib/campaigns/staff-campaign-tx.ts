import 'server-only';
import { and, eq, ne, sql } from 'drizzle-orm';
import type { Tx } from '@/db/client';
import { queryRows } from '@/db/raw';
import { campaignSlugRedirects, campaigns, organisations, type Campaign } from '@/db/schema';
import { AppError } from '@/lib/errors';
import { SLUG_MAX, type DeliveryMode } from './schemas';

// Shared steps of the staff campaign verbs, always run inside the caller's transaction.

export const STALE_MESSAGE =
  'Someone else saved this campaign after you opened it. Reload the page to see their changes, then make yours again.';

/**
 * Lock the campaign row for the rest of the transaction and, when the form said which version it
 * was editing, refuse a save based on an older one (optimistic concurrency: the form carries
 * `updated_at`). Compared in milliseconds, the precision the form round-trips.
 */
export async function lockCampaign(tx: Tx, id: string, expectedUpdatedAt?: Date): Promise<Campaign> {
  const [row] = await tx.select().from(campaigns).where(eq(campaigns.id, id)).for('update');
  if (!row) throw new AppError('NOT_FOUND', 'That campaign no longer exists.');
  if (expectedUpdatedAt && row.updatedAt.getTime() !== expectedUpdatedAt.getTime()) {
    throw new AppError('CONFLICT', STALE_MESSAGE);
  }
  return row;
}

// The campaign verbs import it from here with lockCampaign.
export { nextVersion } from '@/lib/forms/fields';

const slugTaken = (message: string) => new AppError('CONFLICT', message, { slug: [message] });

/**
 * Make `slug` available to `campaignId` (null: a campaign being created). A slug in use, or one
 * that still redirects to another campaign, is refused; a campaign may take back its own old slug
 * (its redirect row goes, since the slug is live again). Claims of one slug are serialised with an
 * advisory lock; the unique index stays the last word (see isUniqueViolation).
 */
export async function claimSlug(tx: Tx, campaignId: string | null, slug: string): Promise<void> {
  await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`campaign-slug:${slug}`}))`);
  const other = campaignId ? ne(campaigns.id, campaignId) : undefined;
  const [inUse] = await tx
    .select({ id: campaigns.id })
    .from(campaigns)
    .where(and(eq(campaigns.slug, slug), other));
  if (inUse) throw slugTaken('Another campaign already uses this address.');

  const [redirect] = await tx
    .select({ campaignId: campaignSlugRedirects.campaignId })
    .from(campaignSlugRedirects)
    .where(eq(campaignSlugRedirects.slug, slug));
  if (!redirect) return;
  if (redirect.campaignId !== campaignId) {
    throw slugTaken('This address used to belong to another campaign and still leads there. Choose another.');
  }
  await tx.delete(campaignSlugRedirects).where(eq(campaignSlugRedirects.slug, slug));
}

/** Keep an old slug leading to its campaign after a rename. */
export async function keepOldSlug(tx: Tx, campaignId: string, oldSlug: string): Promise<void> {
  await tx
    .insert(campaignSlugRedirects)
    .values({ slug: oldSlug, campaignId })
    .onConflictDoUpdate({ target: campaignSlugRedirects.slug, set: { campaignId, createdAt: sql`now()` } });
}

/** A slug `base-copy`, `base-copy-2`, … that no campaign uses and no redirect holds. */
export async function freeCopySlug(tx: Tx, base: string): Promise<string> {
  for (let n = 1; n < 1000; n++) {
    const suffix = n === 1 ? '-copy' : `-copy-${n}`;
    const candidate = `${base.slice(0, SLUG_MAX - suffix.length).replace(/-+$/, '')}${suffix}`;
    const [used] = await queryRows<{ one: number }>(
      tx,
      sql`select 1 as one from campaigns where slug = ${candidate}
          union all select 1 from campaign_slug_redirects where slug = ${candidate}
          limit 1`,
    );
    if (!used) return candidate;
  }
  throw new AppError('CONFLICT', 'Could not find a free address for the copy. Rename some copies first.');
}

/** Routing letters to the coalition inbox needs the inbox address set in the coalition settings. */
export async function assertRoutable(tx: Tx, organisationId: string, mode: DeliveryMode): Promise<void> {
  if (mode !== 'coalition_inbox') return;
  const [org] = await tx
    .select({ inbox: organisations.deliveryInboxEmail })
    .from(organisations)
    .where(eq(organisations.id, organisationId));
  if (!org?.inbox?.trim()) {
    const message = 'Set the coalition’s delivery inbox under Organisations before routing letters to it.';
    throw new AppError('VALIDATION', 'Please correct the highlighted fields.', { deliveryMode: [message] });
  }
}

/** A unique-index violation (SQLSTATE 23505) from either driver, possibly wrapped by Drizzle. */
export function isUniqueViolation(e: unknown): boolean {
  for (let cur: unknown = e, i = 0; cur && i < 4; cur = (cur as { cause?: unknown }).cause, i++) {
    if ((cur as { code?: unknown }).code === '23505') return true;
  }
  return false;
}

/** Run a write that may lose a slug race; report the loss as a field error, not a crash. */
export async function withSlugRace<T>(run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (e) {
    if (isUniqueViolation(e)) throw slugTaken('Another campaign took this address a moment ago. Choose another.');
    throw e;
  }
}

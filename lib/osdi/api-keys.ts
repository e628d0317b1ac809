import 'server-only';
import { randomBytes } from 'node:crypto';
import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { apiKeys, organisations } from '@/db/schema';
import { API_KEY_SCOPES } from '@/db/schema/enum-values';
import { recordAudit } from '@/lib/audit/record-audit';
import { assertCan, auditActor, type StaffActor } from '@/lib/auth/actor';
import { AppError, validationError } from '@/lib/errors';
import { hashToken } from '@/lib/security/tokens';

export const CreateApiKeyInput = z.object({
  organisationId: z.uuid('Choose an organisation.'),
  name: z.string({ error: 'Name the key.' }).trim().min(2, 'Name the key (who uses it, for what).').max(80, 'Keep the name under 80 characters.'),
  scope: z.enum(API_KEY_SCOPES, { message: 'Choose read-only or read-write.' }),
});
export type CreateApiKeyInput = z.input<typeof CreateApiKeyInput>;

export const RevokeApiKeyInput = z.object({ id: z.uuid('Unknown key.') });
export type RevokeApiKeyInput = z.input<typeof RevokeApiKeyInput>;

/** `rat_` + 32 random bytes: only its SHA-256 is stored; the prefix names it in lists and logs. */
function newApiKey(): { raw: string; hash: string; prefix: string } {
  const raw = `rat_${randomBytes(32).toString('base64url')}`;
  return { raw, hash: hashToken(raw), prefix: raw.slice(0, 10) };
}

/** Create an OSDI key for one organisation (owners/admins). The raw key is returned once, never stored. Audited. */
export async function createApiKey({ actor, input }: { actor: StaffActor; input: CreateApiKeyInput }): Promise<{ id: string; key: string; prefix: string }> {
  assertCan(actor, 'organisations:manage');
  const parsed = CreateApiKeyInput.safeParse(input);
  if (!parsed.success) throw validationError(parsed.error.issues);
  const { organisationId, name, scope } = parsed.data;
  const key = newApiKey();
  return getDb().transaction(async (tx) => {
    const [org] = await tx.select({ id: organisations.id }).from(organisations).where(and(eq(organisations.id, organisationId), isNull(organisations.retiredAt)));
    if (!org) throw new AppError('VALIDATION', 'Please correct the highlighted fields.', { organisationId: ['Choose an active organisation.'] });
    const [row] = await tx
      .insert(apiKeys)
      .values({ organisationId, name, scope, keyHash: key.hash, prefix: key.prefix, createdBy: actor.id })
      .returning({ id: apiKeys.id });
    await recordAudit(tx, { actor: auditActor(actor), action: 'api_key.create', entityType: 'api_key', entityId: row.id, data: { organisationId, scope, prefix: key.prefix } });
    return { id: row.id, key: key.raw, prefix: key.prefix };
  });
}

/** Revoke a key at once (its next request is refused). Audited. */
export async function revokeApiKey({ actor, input }: { actor: StaffActor; input: RevokeApiKeyInput }): Promise<{ id: string }> {
  assertCan(actor, 'organisations:manage');
  const parsed = RevokeApiKeyInput.safeParse(input);
  if (!parsed.success) throw validationError(parsed.error.issues);
  return getDb().transaction(async (tx) => {
    const [row] = await tx
      .update(apiKeys)
      .set({ revokedAt: sql`coalesce(${apiKeys.revokedAt}, now())` })
      .where(eq(apiKeys.id, parsed.data.id))
      .returning({ id: apiKeys.id });
    if (!row) throw new AppError('NOT_FOUND', 'That key does not exist.');
    await recordAudit(tx, { actor: auditActor(actor), action: 'api_key.revoke', entityType: 'api_key', entityId: row.id });
    return { id: row.id };
  });
}

export type ApiKeyDto = { id: string; name: string; prefix: string; scope: string; organisationName: string; lastUsedAt: string | null; revoked: boolean; createdAt: string };

export async function listApiKeys({ actor }: { actor: StaffActor }): Promise<ApiKeyDto[]> {
  assertCan(actor, 'organisations:manage');
  const rows = await getDb()
    .select({ k: apiKeys, organisationName: organisations.name })
    .from(apiKeys)
    .innerJoin(organisations, eq(organisations.id, apiKeys.organisationId))
    .orderBy(desc(apiKeys.createdAt));
  return rows.map(({ k, organisationName }) => ({
    id: k.id,
    name: k.name,
    prefix: k.prefix,
    scope: k.scope,
    organisationName,
    lastUsedAt: k.lastUsedAt?.toISOString() ?? null,
    revoked: k.revokedAt !== null,
    createdAt: k.createdAt.toISOString(),
  }));
}

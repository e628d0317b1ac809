import { z } from 'zod';
import type { DbOrTx } from '@/db/client';
import { env } from '@/lib/env';
import { seal, unseal } from '@/lib/security/seal';

// Emailed links that carry a token (confirm, unsubscribe, staff sign-in) are stored in the outbox
// as the link's path with a `{token}` placeholder plus the token sealed under AUTH_SECRET
// (lib/security/seal.ts). The drainer opens them into live URLs at send time; the copy it keeps has
// the tokens replaced by `{redacted:<field>}`. So neither props nor the rendered copy hold a link
// anyone could click, and the dev mailbox (only where enabled) opens them again for viewing.

const PLACEHOLDER = '{token}';

/** What a producer hands to enqueueEmail for a secret link field: in memory only, never stored. */
export class SecretLink {
  constructor(
    readonly path: string,
    readonly token: string,
  ) {
    if (!path.startsWith('/') || path.split(PLACEHOLDER).length !== 2) {
      throw new Error(`A secret link's path starts with / and holds ${PLACEHOLDER} once: ${path}`);
    }
  }
}

/** e.g. `secretLink('/unsubscribe/{token}', raw)`; the app's origin (APP_URL) is added at send time. */
export const secretLink = (path: string, token: string) => new SecretLink(path, token);

/** How a secret link sits in `email_outbox.props`. */
export const SealedLink = z.strictObject({ path: z.string().startsWith('/'), sealed: z.string().startsWith('v1.') });
export type SealedLink = z.infer<typeof SealedLink>;

// The path is authenticated with the token: a sealed token cannot be moved into another link.
const context = (path: string) => `email-link:${path}`;

/** `db`: the caller's transaction, when sealing inside one. */
export async function sealLink(link: SecretLink, db?: DbOrTx): Promise<SealedLink> {
  return { path: link.path, sealed: await seal(link.token, context(link.path), db) };
}

export function linkUrl(path: string, token: string): string {
  return `${env().APP_URL.replace(/\/$/, '')}${path.replace(PLACEHOLDER, token)}`;
}

export type SecretValue = { field: string; token: string };

/** Props with every sealed link opened into its live URL, and the tokens that were opened. */
export async function openLinks(props: unknown): Promise<{ props: unknown; secrets: SecretValue[] }> {
  if (!props || typeof props !== 'object' || Array.isArray(props)) return { props, secrets: [] };
  const out: Record<string, unknown> = { ...(props as Record<string, unknown>) };
  const secrets: SecretValue[] = [];
  for (const [field, value] of Object.entries(out)) {
    const link = SealedLink.safeParse(value);
    if (!link.success) continue;
    const token = await unseal(link.data.sealed, context(link.data.path));
    out[field] = linkUrl(link.data.path, token);
    secrets.push({ field, token });
  }
  return { props: out, secrets };
}

const marker = (field: string) => `{redacted:${field}}`;

// A net under the token-by-token redaction, for links built some other way (or rows queued before
// links were sealed): supporter link tokens are 43 base64url characters, Auth.js's are 64 hex.
const KNOWN_LINKS = /(\/(?:confirm\/(?:signature|letters)|unsubscribe|sign-in\/link)\/?(?:[^"'\s<>]*?[?&](?:amp;)?token=)?)[A-Za-z0-9_-]{43,64}/g;

/** The copy worth keeping: every opened token replaced by a marker naming its field. */
export function redactSecrets(text: string, secrets: SecretValue[]): string {
  let out = text;
  for (const s of secrets) out = out.split(s.token).join(marker(s.field));
  return out.replace(KNOWN_LINKS, '$1{redacted}');
}

/** The reverse, for the dev mailbox: the live links back into a kept copy. */
export function restoreSecrets(text: string, secrets: SecretValue[]): string {
  let out = text;
  for (const s of secrets) out = out.split(marker(s.field)).join(s.token);
  return out;
}

import 'server-only';
import { createHmac } from 'node:crypto';
import { env } from '@/lib/env';
import { getAppSecret } from '@/lib/security/app-secret';

/** The deployment's hashing salt (HASH_SALT, or one generated once and kept in app_settings). */
export function getHashSalt(): Promise<string> {
  return getAppSecret('hash_salt', env().HASH_SALT);
}

/**
 * Salted HMAC-SHA256 of an identifier (an IP, an email) for rate-limit keys: the raw value is never
 * stored, and without the salt the hash cannot be reversed by enumerating the IPv4 space.
 */
export async function keyedHash(value: string): Promise<string> {
  const salt = await getHashSalt();
  return createHmac('sha256', salt).update(value).digest('base64url');
}

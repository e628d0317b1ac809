// No `server-only`: the outbox worker (tsx) opens sealed links too.
import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import type { DbOrTx } from '@/db/client';
import { env } from '@/lib/env';
import { getAppSecret } from '@/lib/security/app-secret';

// AES-256-GCM under a key derived (HKDF-SHA256) from AUTH_SECRET, for secrets that must be stored
// but read back later — today the tokens of emailed links, between enqueue and send. A database dump
// alone then yields no working link. Changing AUTH_SECRET makes rows sealed under the old one unreadable.
const VERSION = 'v1';
const INFO = 'ratify/sealed-secret/v1';
const keys = new Map<string, Buffer>();

async function sealingKey(db?: DbOrTx): Promise<Buffer> {
  const secret = await getAppSecret('auth_secret', env().AUTH_SECRET, db);
  let key = keys.get(secret);
  if (!key) {
    key = Buffer.from(hkdfSync('sha256', secret, 'ratify', INFO, 32));
    keys.clear(); // one secret at a time
    keys.set(secret, key);
  }
  return key;
}

export class SealError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SealError';
  }
}

/**
 * `v1.<iv>.<ciphertext+tag>` (base64url). `context` is authenticated: a value opens only for the same
 * one. Pass the caller's transaction as `db` when sealing inside one.
 */
export async function seal(plain: string, context: string, db?: DbOrTx): Promise<string> {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', await sealingKey(db), iv);
  cipher.setAAD(Buffer.from(context));
  const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final(), cipher.getAuthTag()]);
  return `${VERSION}.${iv.toString('base64url')}.${body.toString('base64url')}`;
}

export async function unseal(sealed: string, context: string): Promise<string> {
  const [version, iv, body] = sealed.split('.');
  if (version !== VERSION || !iv || !body) throw new SealError('not a sealed value');
  const data = Buffer.from(body, 'base64url');
  if (data.length < 16) throw new SealError('not a sealed value');
  try {
    const decipher = createDecipheriv('aes-256-gcm', await sealingKey(), Buffer.from(iv, 'base64url'));
    decipher.setAAD(Buffer.from(context));
    decipher.setAuthTag(data.subarray(data.length - 16));
    return Buffer.concat([decipher.update(data.subarray(0, data.length - 16)), decipher.final()]).toString('utf8');
  } catch {
    throw new SealError('sealed value cannot be opened (tampered with, or sealed under another AUTH_SECRET)');
  }
}

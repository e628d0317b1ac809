import type { Page } from '@playwright/test';

// Unique data per test: the e2e database lives for the whole run (and across specs), so no test may
// depend on another's rows, addresses or rate-limit buckets.

/** A tag unique to this run (and worker), for names, slugs and addresses. */
export const RUN = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4).toString(36)}`;
let seq = 0;

/** A fresh address per call, e.g. `editor.lx3k2.1@e2e.ratify.test`: never a shared signer or per-email limit. */
export function uniqueEmail(tag: string): string {
  return `${tag}.${RUN}.${++seq}@e2e.ratify.test`;
}

/**
 * A client address of its own (TRUST_PROXY=1 in e2e, so the server believes X-Forwarded-For): the
 * per-IP limits of one test never trip another.
 */
export function uniqueIp(): string {
  const n = Math.floor(Math.random() * 2 ** 24);
  return `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;
}

/** Send every navigation, form post and fetch of `page` from an address of its own. */
export async function withOwnIp(page: Page): Promise<string> {
  const ip = uniqueIp();
  await page.setExtraHTTPHeaders({ 'x-forwarded-for': ip });
  return ip;
}

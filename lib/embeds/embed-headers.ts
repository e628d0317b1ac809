// No `server-only`: proxy.ts sets these on /embed/* responses; unit-tested.

/**
 * The headers of an embed page: next.config.ts's policy (keep the two in step) with
 * `frame-ancestors` from the allowlist (lib/embeds/get-embed-frame-ancestors.ts, already validated)
 * instead of `'none'`, and no X-Frame-Options.
 */
export function embedSecurityHeaders(ancestors: string, dev = process.env.NODE_ENV === 'development'): Record<string, string> {
  const csp = [
    "default-src 'self'",
    "script-src 'self' 'unsafe-inline'" + (dev ? " 'unsafe-eval'" : ''),
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob: https:",
    "font-src 'self'",
    "connect-src 'self'",
    // The letter link opens our own write page in a new tab.
    "form-action 'self'",
    "base-uri 'self'",
    "object-src 'none'",
    `frame-ancestors ${ancestors}`,
  ].join('; ');
  return {
    'Content-Security-Policy': csp,
    'Referrer-Policy': 'strict-origin-when-cross-origin',
    'X-Content-Type-Options': 'nosniff',
    'Permissions-Policy': 'camera=(), microphone=(), geolocation=(), interest-cohort=()',
  };
}

/** The embedding site's host from the iframe request's Referer (its origin, under the usual policy): `embed:<host>`. */
export function embedSource(referer: string | null | undefined, ownOrigin: string): string {
  try {
    const u = new URL(referer ?? '');
    if (u.origin === ownOrigin || !['http:', 'https:'].includes(u.protocol)) return 'embed';
    return `embed:${u.hostname.toLowerCase()}`.slice(0, 70);
  } catch {
    return 'embed';
  }
}

const HEX = /^#?([0-9a-f]{3}|[0-9a-f]{6})$/i;

/** `?accent=`, `?bg=`, `?text=` as validated hex colours (anything else ignored) → CSS custom properties. */
export function embedColours(query: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [param, prop] of [
    ['accent', '--embed-accent'],
    ['bg', '--embed-bg'],
    ['text', '--embed-text'],
  ] as const) {
    const v = query[param];
    if (typeof v === 'string' && HEX.test(v.trim())) out[prop] = `#${v.trim().replace(/^#/, '').toLowerCase()}`;
  }
  return out;
}

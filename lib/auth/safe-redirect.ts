// Where a sign-in may send the browser afterwards: only paths on this origin. Anything else
// (another host, a protocol-relative `//evil`, a backslash trick, `javascript:`) falls back.
export const DEFAULT_AFTER_SIGN_IN = '/dashboard';

const PROBE_ORIGIN = 'http://ratify.invalid';

/** A same-origin path (`/dashboard/team?x=1`) from untrusted input, or the fallback. */
export function safeCallbackPath(raw: unknown, fallback = DEFAULT_AFTER_SIGN_IN): string {
  if (typeof raw !== 'string' || !raw.startsWith('/') || /[\u0000-\u001f\\]/.test(raw)) return fallback;
  let url: URL;
  try {
    url = new URL(raw, PROBE_ORIGIN);
  } catch {
    return fallback;
  }
  if (url.origin !== PROBE_ORIGIN) return fallback;
  // Never bounce back into the auth endpoints or the sign-in page itself.
  if (url.pathname.startsWith('/api/auth/signout') || url.pathname === '/sign-in') return fallback;
  return `${url.pathname}${url.search}${url.hash}`;
}

/** Auth.js `redirect` callback: same-origin absolute URLs and paths pass, everything else lands on the dashboard. */
export function resolveAuthRedirect(url: string, baseUrl: string): string {
  const base = new URL(baseUrl);
  let target: URL;
  try {
    target = new URL(url, base);
  } catch {
    return new URL(DEFAULT_AFTER_SIGN_IN, base).href;
  }
  if (target.origin !== base.origin || /[\\]/.test(url) || url.startsWith('//')) {
    return new URL(DEFAULT_AFTER_SIGN_IN, base).href;
  }
  return target.href;
}

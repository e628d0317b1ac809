import { NextResponse, type NextRequest } from 'next/server';
import { PATHNAME_HEADER } from '@/lib/auth/request-path';
import { REF_COOKIE, REF_COOKIE_MAX_AGE } from '@/lib/consents/read-action-ref';
import { isCurrentPartnerCode } from '@/lib/consents/partner-codes';
import { RefField } from '@/lib/consents/schemas';
import { embedSecurityHeaders } from '@/lib/embeds/embed-headers';
import { getEmbedFrameAncestors } from '@/lib/embeds/get-embed-frame-ancestors';

// Auth.js session cookie names (the __Secure- one over HTTPS).
const SESSION_COOKIES = ['authjs.session-token', '__Secure-authjs.session-token'];

/**
 * Stamps each request with an id that server code logs with (lib/log/request-id.ts), and sends
 * visitors without a session cookie from /dashboard to the sign-in page. That is only a shortcut:
 * the cookie is not checked here; every page, action and route handler verifies the session and
 * role itself (lib/auth/require-staff.ts). The database reads here, each remembered a few seconds: the
 * embed allowlist for /embed/*, and partners' codes for campaign pages visited with `?ref=`.
 */
export default async function proxy(req: NextRequest) {
  const requestId = req.headers.get('x-request-id') || crypto.randomUUID();
  const { pathname } = req.nextUrl;
  const searchParams = new URLSearchParams(req.nextUrl.search);
  searchParams.delete('_rsc');
  const search = searchParams.size ? `?${searchParams}` : '';

  const isDashboard = pathname === '/dashboard' || pathname.startsWith('/dashboard/');
  if (isDashboard && !SESSION_COOKIES.some((name) => req.cookies.get(name)?.value)) {
    const signIn = new URL('/sign-in', req.nextUrl);
    signIn.searchParams.set('callbackUrl', `${pathname}${search}`);
    const res = NextResponse.redirect(signIn);
    res.headers.set('x-request-id', requestId);
    return res;
  }

  const headers = new Headers(req.headers);
  headers.set('x-request-id', requestId);
  headers.set(PATHNAME_HEADER, `${pathname}${search}`);
  const referred = await referredCampaignPath(req);
  const res = referred
    ? NextResponse.rewrite(new URL(`${referred}${req.nextUrl.search}`, req.url), { request: { headers } })
    : NextResponse.next({ request: { headers } });
  res.headers.set('x-request-id', requestId);
  rememberReferrer(req, res);
  // The one frameable part of the site (next.config.ts leaves its headers to this), framed only by
  // the coalition's allowlist; every other page keeps next.config.ts's frame-ancestors 'none'.
  if (pathname.startsWith('/embed/')) {
    for (const [name, value] of Object.entries(embedSecurityHeaders(await getEmbedFrameAncestors()))) res.headers.set(name, value);
  }
  return res;
}

/**
 * A campaign page visited by a current partner's `?ref=` link → its variant /c/[slug]/r/[ref], which
 * puts that partner's opt-in box first in the HTML (the plain page is cached and cannot read the
 * query; with JS it reorders in the browser, without JS it could not). Page loads and the no-JS form
 * post alike (the post's answer is that same page). Unknown codes are not rewritten, so the cache
 * holds one variant per campaign and partner at most.
 */
async function referredCampaignPath(req: NextRequest): Promise<string | null> {
  const m = /^\/c\/([^/]+)$/.exec(req.nextUrl.pathname);
  if (!m || !['GET', 'HEAD', 'POST'].includes(req.method)) return null;
  const ref = RefField.parse(req.nextUrl.searchParams.get('ref') ?? undefined);
  if (!ref || !(await isCurrentPartnerCode(ref))) return null;
  return `/c/${m[1]}/r/${ref}`;
}

/**
 * A visitor who arrives on a campaign by a partner's `?ref=` link keeps that partner in a
 * first-party cookie, so every action that follows credits it, even without JS and on later pages
 * (lib/consents/read-action-ref.ts). Embeds do not need it: their form carries the ref itself.
 */
function rememberReferrer(req: NextRequest, res: NextResponse) {
  if (!req.nextUrl.pathname.startsWith('/c/')) return;
  const ref = RefField.parse(req.nextUrl.searchParams.get('ref') ?? undefined);
  if (!ref) return;
  res.cookies.set(REF_COOKIE, ref, {
    httpOnly: true,
    sameSite: 'lax',
    secure: req.nextUrl.protocol === 'https:',
    path: '/',
    maxAge: REF_COOKIE_MAX_AGE,
  });
}

export const config = {
  matcher: ['/((?!_next/static|_next/image|favicon.ico).*)'],
};

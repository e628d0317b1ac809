import type { NextRequest } from 'next/server';
import { handlers } from '@/lib/auth/auth';
import { EMAIL_CALLBACK_PATH, SIGN_IN_LINK_PATH } from '@/lib/auth/sign-in-link';

export const { POST } = handlers;

/**
 * A GET of the email callback would redeem the sign-in token (Auth.js's default): mail scanners and
 * link previews do exactly that. Send it to the page with the button instead; only its POST redeems.
 */
export async function GET(req: NextRequest) {
  if (req.nextUrl.pathname === EMAIL_CALLBACK_PATH) {
    const page = new URL(`${SIGN_IN_LINK_PATH}${req.nextUrl.search}`, req.nextUrl);
    return new Response(null, { status: 303, headers: { Location: `${page.pathname}${page.search}`, 'Cache-Control': 'no-store' } });
  }
  return handlers.GET(req);
}

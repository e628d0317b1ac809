import { RefField } from './schemas';

/** The first-party cookie the proxy sets when a visitor arrives with `?ref=` (proxy.ts). */
export const REF_COOKIE = 'ratify_ref';
export const REF_COOKIE_MAX_AGE = 30 * 24 * 3600;

/**
 * The partner that referred this action: the form's hidden `ref` (filled in the browser, or by the
 * server on an embed), else the Referer's `?ref=` (no JS, same origin), else the cookie set when
 * the visitor first arrived by a `?ref=` link, so every action that follows is credited.
 */
export function readActionRef(formValue: unknown, referer: string | null | undefined, cookie: string | undefined): string | undefined {
  const direct = RefField.parse(formValue);
  if (direct) return direct;
  if (referer) {
    try {
      const fromReferer = RefField.parse(new URL(referer).searchParams.get('ref') ?? undefined);
      if (fromReferer) return fromReferer;
    } catch {
      // not a URL: ignore
    }
  }
  return RefField.parse(cookie);
}

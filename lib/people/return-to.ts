// Where a people-page form sends the user back to: only people pages of this app, never elsewhere.
const PEOPLE_PATH = /^\/dashboard\/people(\/[0-9a-f-]{36})?$/;

/** A safe same-app path under /dashboard/people (with its query), with `extra` params set. */
export function peopleReturnPath(raw: unknown, extra: Record<string, string> = {}): string {
  let url: URL;
  try {
    url = new URL(typeof raw === 'string' ? raw : '', 'http://ratify.invalid');
  } catch {
    url = new URL('/dashboard/people', 'http://ratify.invalid');
  }
  if (url.origin !== 'http://ratify.invalid' || !PEOPLE_PATH.test(url.pathname)) {
    url = new URL('/dashboard/people', 'http://ratify.invalid');
  }
  for (const [k, v] of Object.entries(extra)) url.searchParams.set(k, v);
  return `${url.pathname}${url.search}`;
}

// The proxy copies the requested path (and query) into this request header, so server components can
// build a sign-in link that returns to the same page. Untrusted: always pass it through safeCallbackPath.
export const PATHNAME_HEADER = 'x-ratify-path';

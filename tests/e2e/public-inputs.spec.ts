import { expect, test } from '@playwright/test';
import fc from 'fast-check';
import { CAMPAIGN_SLUG } from './support/public';
import { uniqueIp } from './support/unique';

// Random and hostile input over HTTP against the production server, for the public pages and routes
// that only exist inside a running Next server (its data cache, its page rendering): never a 5xx,
// never a stack trace. The service-level properties live in tests/integration/public-inputs.property.test.ts.

const RUNS = Number(process.env.PROPERTY_RUNS ?? 25);
const hostile = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.constantFrom('', '%00', '..%2F..%2Fetc%2Fpasswd', '<script>', "' or 1=1 --", '0000-01-01', '9999-12-31', '99999999999999999999', '-1', 'NaN', '💥', 'A'.repeat(43)),
);
const seg = (s: string) => encodeURIComponent(s) || 'x';

test('public routes and pages answer random input without a 5xx or a stack trace', async ({ request }) => {
  test.setTimeout(180_000);
  await fc.assert(
    fc.asyncProperty(hostile, hostile, async (a, b) => {
      const headers = { 'x-forwarded-for': uniqueIp() };
      const answers = await Promise.all([
        request.get(`/api/campaigns/${seg(a)}/count`, { headers }),
        request.post(`/api/campaigns/${CAMPAIGN_SLUG}/views`, { headers: { ...headers, 'content-type': 'application/json' }, data: a }),
        request.post(`/api/campaigns/${seg(a)}/views`, { headers, data: { source: b } }),
        request.get(`/api/senators?zip=${seg(a)}&state=${seg(b)}`, { headers }),
        request.post(`/api/unsubscribe/${seg(a)}`, { headers, form: { 'List-Unsubscribe': 'One-Click' } }),
        request.get(`/c/${seg(a)}`, { headers }),
        request.get(`/c/${CAMPAIGN_SLUG}?source=${seg(b)}&ref=${seg(a)}`, { headers }),
        request.get(`/c/${CAMPAIGN_SLUG}/write?zip=${seg(a)}&state=${seg(b)}`, { headers }),
        request.get(`/confirm/letters/${seg(a)}`, { headers }),
        request.get(`/confirm/signature/${seg(a)}?confirmed=${seg(b)}`, { headers }),
        request.get(`/unsubscribe/${seg(a)}?problem=${seg(b)}`, { headers }),
      ]);
      for (const res of answers) {
        expect(res.status(), res.url()).toBeLessThan(500);
        const text = await res.text();
        expect(text, res.url()).not.toMatch(/\bat [\w.<>]+ \(\/|node_modules\//);
      }
    }),
    { numRuns: RUNS },
  );
});

// Property-based tests of every public form action and public route: random and hostile input
// never gets a 5xx (or an INTERNAL form state), the form gives back exactly what was typed, and a
// refused submission saves nothing. fast-check shrinks any failure to its smallest input.
import fc from 'fast-check';
import { count } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signPetitionAction } from '@/app/(public)/c/[slug]/actions';
import { sendLettersAction } from '@/app/(public)/c/[slug]/write/actions';
import { confirmLettersAction } from '@/app/(public)/confirm/letters/[token]/actions';
import { POST as signRoute } from '@/app/api/campaigns/[slug]/signatures/route';
import { GET as senatorsRoute } from '@/app/api/senators/route';
import { POST as unsubscribeRoute } from '@/app/api/unsubscribe/[token]/route';
import { actionTokens, letters, signatures, supporters } from '@/db/schema';
import { seedDatabase } from '@/db/seed/seed-database';
import { resetEnvCache } from '@/lib/env';
import { letterValuesFrom } from '@/lib/forms/letter';
import { petitionValuesFrom } from '@/lib/forms/petition';
import { runInRequestScope } from '@/lib/http/request-scope';
import { issueFormGuardToken } from '@/lib/security/form-guard';
import { importSenators } from '@/lib/senators/import-senators';
import { ROSTER_DIR } from '../support/roster';
import { getTestDb } from '../support/test-db';

const SLUG = 'protect-children-protocol';
const ROSTER = ROSTER_DIR;
const RUNS = Number(process.env.PROPERTY_RUNS ?? 60);

// Hostile strings: control characters, bidi overrides, markup, SQL, formulas, huge and non-BMP text.
const hostile = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 60 }),
  fc.constantFrom('', ' ', '\u0000', '\r\nBcc: x@evil.test', '\u202e', '<script>x</script>', "' or 1=1 --", '=SUM(A1)', '0000-01-01', '9999-12-31', '-1', '1e309', 'NaN', '{{zip}}', '💥'.repeat(300)),
  fc.string({ minLength: 5000, maxLength: 30000 }),
);
const emailish = fc.oneof(fc.emailAddress(), hostile);
const zipish = fc.oneof(fc.constantFrom('62701', '10001', '20001', '42223', '99999', '00000', '62701-1234'), hostile);

let ipSeq = 0;
const scope = () => {
  ipSeq++;
  return { headers: new Headers({ 'x-forwarded-for': `198.18.${Math.floor(ipSeq / 250) % 250}.${ipSeq % 250}` }), cookies: new Map<string, string>(), after: () => {} };
};
const inScope = <T,>(fn: () => Promise<T>) => runInRequestScope(scope(), fn);

async function counts() {
  const { db } = await getTestDb();
  const n = async (t: typeof supporters | typeof signatures | typeof letters | typeof actionTokens) => Number((await db.select({ n: count() }).from(t))[0].n);
  return { supporters: await n(supporters), signatures: await n(signatures), letters: await n(letters), tokens: await n(actionTokens) };
}

async function formOf(fields: Record<string, string>): Promise<FormData> {
  const fd = new FormData();
  for (const [k, v] of Object.entries(fields)) fd.set(k, v);
  // A form shown well before it was sent (the minimum fill time is 0 in tests anyway).
  fd.set('form_started', await issueFormGuardToken(Date.now() - 10_000));
  return fd;
}

beforeAll(() => {
  process.env.FORM_MIN_FILL_SECONDS = '0';
  resetEnvCache();
});
afterAll(() => {
  delete process.env.FORM_MIN_FILL_SECONDS;
  resetEnvCache();
});

describe('public form actions under random and hostile input', () => {
  it('the petition: never INTERNAL, typed values come back, a refusal saves nothing', async () => {
    const { db } = await getTestDb();
    await seedDatabase(db, { adminEmail: 'owner@test.example' });
    await fc.assert(
      fc.asyncProperty(
        fc.record({ firstName: hostile, lastName: hostile, email: emailish, zip: zipish, comment: hostile, optIn: fc.constantFrom('', 'on', 'yes'), source: hostile }),
        async (fields) => {
          const before = await counts();
          const fd = await formOf(fields);
          const state = await inScope(() => signPetitionAction(SLUG, { status: 'idle' }, fd));
          expect(['signed', 'already_signed', 'error']).toContain(state.status);
          if (state.status === 'error') {
            expect(state.code).not.toBe('INTERNAL');
            expect(state.values).toEqual(petitionValuesFrom(fd));
            expect(await counts()).toEqual(before);
          }
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('the letter form: never INTERNAL, typed values come back, a refusal saves nothing', async () => {
    const { db } = await getTestDb();
    await seedDatabase(db, { adminEmail: 'owner@test.example' });
    await importSenators({ source: ROSTER, db });
    await fc.assert(
      fc.asyncProperty(
        fc.record({
          firstName: hostile,
          lastName: hostile,
          email: emailish,
          zip: zipish,
          state: fc.oneof(fc.constantFrom('', 'IL', 'TN', 'DC', 'XX', 'il'), hostile),
          city: hostile,
          street: hostile,
          prefix: fc.oneof(fc.constantFrom('', 'Dr.', 'Mx.'), hostile),
          subject: hostile,
          body: hostile,
          personalSentence: hostile,
        }),
        async (fields) => {
          const before = await counts();
          const fd = await formOf(fields);
          const state = await inScope(() => sendLettersAction(SLUG, { status: 'idle' }, fd));
          expect(['done', 'error']).toContain(state.status);
          if (state.status === 'error') {
            expect(state.code).not.toBe('INTERNAL');
            expect(state.values).toEqual(letterValuesFrom(fd));
            expect(await counts()).toEqual(before);
          }
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('confirmation buttons with random tokens answer a kind error, never INTERNAL', async () => {
    const { db } = await getTestDb();
    await seedDatabase(db, { adminEmail: 'owner@test.example' });
    await fc.assert(
      fc.asyncProperty(hostile, async (token) => {
        const state = await inScope(() => confirmLettersAction(token));
        expect(state).toMatchObject({ status: 'error' });
        expect(state.status === 'error' && state.code).not.toBe('INTERNAL');
      }),
      { numRuns: RUNS },
    );
  });
});

describe('public routes under random and hostile input', () => {
  const params = <T extends Record<string, string>>(p: T) => ({ params: Promise.resolve(p) });

  it('the JSON signing route answers 2xx or 4xx in the one error shape, and a refusal saves nothing', async () => {
    const { db } = await getTestDb();
    await seedDatabase(db, { adminEmail: 'owner@test.example' });
    const body = fc.oneof(
      fc.jsonValue().map((v) => JSON.stringify(v)),
      fc.record({ firstName: hostile, lastName: hostile, email: emailish, zip: zipish, optIn: fc.oneof(fc.boolean(), hostile), comment: hostile }).map((v) => JSON.stringify(v)),
      hostile,
      fc.constant('{"firstName": "A", "lastName": "B", "email": "a@example.org", "zip": "10001", "optIn": true'),
    );
    const type = fc.constantFrom('application/json', 'application/json; charset=utf-8', 'text/plain', 'application/x-www-form-urlencoded', '');
    await fc.assert(
      fc.asyncProperty(body, type, hostile, async (text, contentType, slug) => {
        const before = await counts();
        const req = new Request('http://localhost/api/campaigns/x/signatures', { method: 'POST', body: text, headers: { 'content-type': contentType, 'x-forwarded-for': `198.19.0.${ipSeq++ % 250}` } });
        const res = await signRoute(req, params({ slug: fc.sample(fc.constantFrom(SLUG, slug), 1)[0] }));
        expect(res.status).toBeLessThan(500);
        if (res.status >= 400) {
          const json = (await res.json()) as { error: { code: string; message: string } };
          expect(json.error.code).toEqual(expect.any(String));
          expect(json.error.message).toEqual(expect.any(String));
          expect(await counts()).toEqual(before);
        }
      }),
      { numRuns: RUNS },
    );
  });

  // The count and view-beacon routes read Next's data cache, which exists only in a running server:
  // tests/e2e/public-inputs.spec.ts sends them random input over HTTP.
  it('the lookup and one-click unsubscribe routes never answer 5xx', async () => {
    const { db } = await getTestDb();
    await seedDatabase(db, { adminEmail: 'owner@test.example' });
    await importSenators({ source: ROSTER, db });
    await fc.assert(
      fc.asyncProperty(hostile, zipish, hostile, async (token, zip, state) => {
        const q = new URLSearchParams({ zip, state });
        const { NextRequest } = await import('next/server');
        const lookup = await senatorsRoute(new NextRequest(`http://localhost/api/senators?${q}`, { headers: { 'x-forwarded-for': `198.20.0.${ipSeq++ % 250}` } }));
        expect(lookup.status).toBeLessThan(500);
        expect((await unsubscribeRoute(new Request('http://localhost/', { method: 'POST', body: 'List-Unsubscribe=One-Click' }), params({ token }))).status).toBeLessThan(500);
      }),
      { numRuns: RUNS },
    );
  });
});

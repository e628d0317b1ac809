import { createHmac } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { signPetitionAction as sign } from '@/app/(public)/c/[slug]/actions';
import { signatures } from '@/db/schema';
import { seedDatabase } from '@/db/seed/seed-database';
import { initialPetitionState } from '@/lib/forms/petition';
import { runInRequestScope } from '@/lib/http/request-scope';
import { forgetCountBases } from '@/lib/petitions/count-base';
import { checkFormGuard, guardTokenForRetry, issueFormGuardToken } from '@/lib/security/form-guard';
import { getTestDb } from '../support/test-db';

// A page cached while another database was in place carries a form token signed with that
// database's salt. The check refuses it; the answer must bring a fresh token and what was typed,
// and the next press must sign.

// The action runs in a request of its own (lib/http/request-scope.ts), as Next would run it.
const scope = () => ({ headers: new Headers({ 'x-forwarded-for': '198.51.100.7' }), cookies: new Map<string, string>(), after: () => {} });
const signPetitionAction = (...args: Parameters<typeof sign>) => runInRequestScope(scope(), () => sign(...args));

const SLUG = 'protect-children-protocol';

/** A token as the other database's deployment signed it, `ageMs` ago. */
function tokenFromAnotherDatabase(ageMs: number): string {
  const ts = String(Date.now() - ageMs);
  return `${ts}.${createHmac('sha256', 'the-salt-of-a-database-since-deleted').update(`form-guard:${ts}`).digest('base64url')}`;
}

function petitionForm(token: string, email = 'maria@example.org') {
  const fd = new FormData();
  for (const [k, v] of Object.entries({ form_started: token, website: '', firstName: 'Maria', lastName: 'Lopez', email, zip: '20002' })) {
    fd.set(k, v);
  }
  return fd;
}

beforeEach(async () => {
  const { db } = await getTestDb();
  await seedDatabase(db, { adminEmail: 'owner@test.example' });
  forgetCountBases();
});
afterEach(() => {
  delete process.env.FORM_MIN_FILL_SECONDS;
});

describe('guardTokenForRetry', () => {
  it('hands a token from another database back as a fresh one of ours', async () => {
    const stale = petitionForm(tokenFromAnotherDatabase(60_000));
    await expect(checkFormGuard(stale, { minSeconds: 3 })).rejects.toMatchObject({ code: 'VALIDATION' });
    const now = Date.now();
    const fresh = await guardTokenForRetry(stale, now);
    expect(fresh).not.toBe(stale.get('form_started'));
    // Genuine, and counting from now: accepted once the minimum fill time has passed.
    await expect(checkFormGuard(petitionForm(fresh), { minSeconds: 3, now: now + 1_000 })).rejects.toMatchObject({ code: 'VALIDATION' });
    await expect(checkFormGuard(petitionForm(fresh), { minSeconds: 3, now: now + 3_000 })).resolves.toBeUndefined();
  });

  it('keeps a genuine token refused as too fast, so its time keeps counting', async () => {
    const now = Date.now();
    const shown = await issueFormGuardToken(now - 1_000);
    await expect(checkFormGuard(petitionForm(shown), { minSeconds: 3, now })).rejects.toMatchObject({ code: 'VALIDATION' });
    expect(await guardTokenForRetry(petitionForm(shown), now)).toBe(shown);
    await expect(checkFormGuard(petitionForm(shown), { minSeconds: 3, now: now + 2_000 })).resolves.toBeUndefined();
  });

  it('replaces an expired or forged token', async () => {
    const now = Date.now();
    const ancient = await issueFormGuardToken(now - 4 * 24 * 3_600_000);
    expect(await guardTokenForRetry(petitionForm(ancient), now)).not.toBe(ancient);
    expect(await guardTokenForRetry(petitionForm(`${now}.forged`), now)).toMatch(new RegExp(`^${now}\\.`));
  });
});

describe('the petition action after a page from another database', () => {
  it('answers with the typed values and a fresh token, and the next press signs', async () => {
    process.env.FORM_MIN_FILL_SECONDS = '0';
    const refused = await signPetitionAction(SLUG, initialPetitionState, petitionForm(tokenFromAnotherDatabase(30_000)));
    expect(refused).toMatchObject({
      status: 'error',
      message: 'Something went wrong sending the form. Please try again.',
      values: { firstName: 'Maria', lastName: 'Lopez', email: 'maria@example.org', zip: '20002' },
    });
    const { db } = await getTestDb();
    expect(await db.select().from(signatures)).toHaveLength(0);

    const signed = await signPetitionAction(SLUG, refused, petitionForm(refused.guardToken!));
    expect(signed).toMatchObject({ status: 'signed', count: 1, firstName: 'Maria' });
    expect(await db.select().from(signatures)).toHaveLength(1);
  });
});

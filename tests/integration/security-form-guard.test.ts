import { describe, expect, it } from 'vitest';
import { AppError } from '@/lib/errors';
import { checkFormGuard, issueFormGuardToken } from '@/lib/security/form-guard';

// Integration: the signing key is the hash salt kept in app_settings.
function form(fields: Record<string, string>) {
  const fd = new FormData();
  for (const [k, v] of Object.entries(fields)) fd.set(k, v);
  return fd;
}

async function refused(p: Promise<void>) {
  const e = await p.then(() => null, (err: unknown) => err);
  expect(e).toBeInstanceOf(AppError);
  expect(e).toMatchObject({ code: 'VALIDATION', message: 'Something went wrong sending the form. Please try again.' });
}

describe('checkFormGuard', () => {
  const now = Date.now();

  it('accepts an untouched honeypot and a genuine token older than the minimum', async () => {
    const token = await issueFormGuardToken(now - 5_000);
    await expect(checkFormGuard(form({ form_started: token, website: '' }), { minSeconds: 3, now })).resolves.toBeUndefined();
  });

  it('refuses a filled honeypot, a missing, forged or tampered token, and a fast submission alike', async () => {
    const token = await issueFormGuardToken(now - 5_000);
    await refused(checkFormGuard(form({ form_started: token, website: 'http://spam.test' }), { minSeconds: 3, now }));
    await refused(checkFormGuard(form({}), { minSeconds: 3, now }));
    await refused(checkFormGuard(form({ form_started: `${now - 5_000}.forged` }), { minSeconds: 3, now }));
    const [, mac] = token.split('.');
    await refused(checkFormGuard(form({ form_started: `${now - 60_000}.${mac}` }), { minSeconds: 3, now }));
    const fresh = await issueFormGuardToken(now - 1_000);
    await refused(checkFormGuard(form({ form_started: fresh }), { minSeconds: 3, now }));
    const ancient = await issueFormGuardToken(now - 4 * 24 * 3_600_000);
    await refused(checkFormGuard(form({ form_started: ancient }), { minSeconds: 3, now }));
  });

  it('reads the minimum from FORM_MIN_FILL_SECONDS', async () => {
    process.env.FORM_MIN_FILL_SECONDS = '0';
    try {
      await expect(checkFormGuard(form({ form_started: await issueFormGuardToken() }))).resolves.toBeUndefined();
    } finally {
      delete process.env.FORM_MIN_FILL_SECONDS;
    }
    await refused(checkFormGuard(form({ form_started: await issueFormGuardToken() })));
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import { env, resetEnvCache } from '@/lib/env';

const saved = { ...process.env };

afterEach(() => {
  process.env = { ...saved };
  resetEnvCache();
});

describe('environment validation', () => {
  it('names the variable and what it expects', () => {
    process.env.DATABASE_URL = 'mysql://nope';
    resetEnvCache();
    expect(() => env()).toThrow(/DATABASE_URL: must be a postgres:\/\/ or postgresql:\/\/ connection URL/);
  });

  it('rejects a short AUTH_SECRET and a bad ADMIN_EMAIL together', () => {
    process.env.AUTH_SECRET = 'short';
    process.env.ADMIN_EMAIL = 'not-an-email';
    resetEnvCache();
    let message = '';
    try {
      env();
    } catch (e) {
      message = (e as Error).message;
    }
    expect(message).toMatch(/AUTH_SECRET: must be at least 32 characters/);
    expect(message).toMatch(/ADMIN_EMAIL: must be an email address/);
  });

  it('applies defaults for a zero-config start', () => {
    delete process.env.DATABASE_URL;
    delete process.env.PGLITE_DATA_DIR;
    resetEnvCache();
    expect(env().PGLITE_DATA_DIR).toBe('.data/pglite');
    expect(env().APP_URL).toBe('http://localhost:3000');
  });
});

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
    for (const name of ['DATABASE_URL', 'PGLITE_DATA_DIR', 'APP_URL', 'PORT', 'MAILBOX_ENABLED', 'RESEND_API_KEY']) delete process.env[name];
    resetEnvCache();
    expect(env().PGLITE_DATA_DIR).toBe('.data/pglite');
    expect(env().APP_URL).toBe('http://localhost:3000');
    // A local trial (embedded database, no Resend, localhost) reads its mail in the dev mailbox.
    expect(env().MAILBOX_ENABLED).toBe(true);
  });

  it('takes APP_URL from PORT when unset, so links point where the server listens', () => {
    delete process.env.APP_URL;
    process.env.PORT = '4000';
    resetEnvCache();
    expect(env().APP_URL).toBe('http://localhost:4000');
    process.env.APP_URL = 'https://act.example.org';
    resetEnvCache();
    expect(env().APP_URL).toBe('https://act.example.org');
  });

  it('keeps the dev mailbox off beyond a local trial unless asked for', () => {
    delete process.env.MAILBOX_ENABLED;
    process.env.DATABASE_URL = 'postgres://localhost/ratify';
    resetEnvCache();
    expect(env().MAILBOX_ENABLED).toBe(false);
    delete process.env.DATABASE_URL;
    process.env.APP_URL = 'https://act.example.org';
    resetEnvCache();
    expect(env().MAILBOX_ENABLED).toBe(false);
    process.env.MAILBOX_ENABLED = '1';
    resetEnvCache();
    expect(env().MAILBOX_ENABLED).toBe(true);
    process.env.APP_URL = 'http://localhost:3000';
    process.env.MAILBOX_ENABLED = '0';
    resetEnvCache();
    expect(env().MAILBOX_ENABLED).toBe(false);
  });

  it('checks the keys every instance must share, naming the variable', () => {
    process.env.NEXT_SERVER_ACTIONS_ENCRYPTION_KEY = 'not-a-key';
    process.env.NEXT_DEPLOYMENT_ID = 'has spaces';
    resetEnvCache();
    expect(() => env()).toThrow(/NEXT_SERVER_ACTIONS_ENCRYPTION_KEY: must be a base64 AES key of 16, 24 or 32 bytes/);
    expect(() => env()).toThrow(/NEXT_DEPLOYMENT_ID: must be 1-64 letters/);
    process.env.NEXT_SERVER_ACTIONS_ENCRYPTION_KEY = Buffer.alloc(32, 7).toString('base64');
    process.env.NEXT_DEPLOYMENT_ID = 'release-2026.12.01';
    resetEnvCache();
    expect(env().NEXT_SERVER_ACTIONS_ENCRYPTION_KEY).toHaveLength(44);
    // Next itself sets NEXT_DEPLOYMENT_ID to '' when none is configured.
    process.env.NEXT_DEPLOYMENT_ID = '';
    resetEnvCache();
    expect(env().NEXT_DEPLOYMENT_ID).toBeUndefined();
  });

  it('validates the default embed allowlist at start: * when unset, normalised origins, or a message', () => {
    delete process.env.EMBED_FRAME_ANCESTORS;
    resetEnvCache();
    expect(env().EMBED_FRAME_ANCESTORS).toBe('*');
    process.env.EMBED_FRAME_ANCESTORS = 'https://Partner.example/ http://localhost:8080';
    resetEnvCache();
    expect(env().EMBED_FRAME_ANCESTORS).toBe('https://partner.example http://localhost:8080');
    process.env.EMBED_FRAME_ANCESTORS = "https://ok.example 'none';";
    resetEnvCache();
    expect(() => env()).toThrow(/EMBED_FRAME_ANCESTORS: “'none';” is not a site’s origin/);
  });
});

import { afterEach, describe, expect, it } from 'vitest';
import { welcomeLines } from '@/lib/boot/welcome';
import { env, resetEnvCache } from '@/lib/env';

const saved = { ...process.env };
afterEach(() => {
  process.env = { ...saved };
  resetEnvCache();
});

describe('what `npm start` prints once the server is up', () => {
  it('on a fresh local start: the address, the owner to sign in as, and the dev mailbox', () => {
    for (const name of ['APP_URL', 'DATABASE_URL', 'RESEND_API_KEY', 'MAILBOX_ENABLED']) delete process.env[name];
    process.env.PORT = '4000';
    resetEnvCache();
    expect(welcomeLines(env(), { mailboxOn: true, owners: ['admin@example.org'] })).toEqual([
      'Ratify is running at http://localhost:4000',
      '  Staff sign in at http://localhost:4000/sign-in as admin@example.org.',
      '  Emails, sign-in links included, land in the dev mailbox: http://localhost:4000/dev/mailbox',
    ]);
  });

  it('says when the dashboard shows fictional demo activity, and how to skip it', () => {
    process.env.PORT = '4000';
    resetEnvCache();
    expect(welcomeLines(env(), { mailboxOn: true, owners: [], demoData: true }).at(-1)).toMatch(/fictional demo activity.*DEMO_DATA=0/);
    expect(welcomeLines(env(), { mailboxOn: true, owners: [] }).join('\n')).not.toMatch(/demo/i);
  });

  it('with Resend, says mail goes out; with neither, how to read it', () => {
    process.env.APP_URL = 'https://act.example.org/';
    process.env.RESEND_API_KEY = 're_test';
    resetEnvCache();
    expect(welcomeLines(env(), { mailboxOn: false, owners: [] })).toEqual([
      'Ratify is running at https://act.example.org',
      '  Emails, sign-in links included, are sent through Resend.',
    ]);
    delete process.env.RESEND_API_KEY;
    resetEnvCache();
    expect(welcomeLines(env(), { mailboxOn: false, owners: ['a@example.org'] })[2]).toMatch(/set RESEND_API_KEY/);
  });
});

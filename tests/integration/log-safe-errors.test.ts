import { Writable } from 'node:stream';
import { sql } from 'drizzle-orm';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { supporters } from '@/db/schema';
import { loggerOptions } from '@/lib/log/logger';
import { getTestDb } from '../support/test-db';

// A logger with the app's options writing to memory, so the test reads the exact line.
function capture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { log: pino({ ...loggerOptions, level: 'info' }, stream), text: () => lines.join('') };
}

async function failure(run: () => Promise<unknown>): Promise<unknown> {
  try {
    await run();
  } catch (err) {
    return err;
  }
  throw new Error('expected the query to fail');
}

describe('database errors in logs', () => {
  const secret = 'Jo Private <jo.private@example.org>';

  it('drop bound parameter values: Drizzle message params, postgres.js parameters, Postgres detail', async () => {
    const { db } = await getTestDb();
    await db.insert(supporters).values({ email: 'jo.private@example.org', firstName: 'Jo', lastName: 'Private', zip: '10001' });
    const errors = [
      // A bad cast: the value is quoted in Postgres's own message, and listed in Drizzle's.
      await failure(() => db.execute(sql`select ${secret}::uuid`)),
      // A unique violation: Postgres puts the row's key in `detail`.
      await failure(() =>
        db.insert(supporters).values({ email: 'jo.private@example.org', firstName: 'Jo', lastName: 'Private', zip: '10001' }),
      ),
    ];
    const { log, text } = capture();
    for (const err of errors) {
      log.error({ err }, 'query failed');
      // Code that logs only the message (or a cause's) is covered too.
      log.warn({ err: (err as Error).message, cause: (err as Error).cause }, 'query failed');
    }
    const out = text();
    expect(out).not.toMatch(/jo\.private|Jo Private|Private/);
    // What is left still says what went wrong.
    expect(out).toMatch(/Failed query: select \$1::uuid/);
    expect(out).toMatch(/"code":"22P02"/);
    expect(out).toMatch(/"code":"23505"/);
    expect(out).toMatch(/supporters_email_unique|duplicate key/);
    expect(out).toMatch(/"stack":"\w*Error: Failed query[^"]*\\n\s+at /);
  });

  it('keeps ordinary errors intact', () => {
    const { log, text } = capture();
    log.error({ err: new TypeError('boom at step 3') }, 'failed');
    const line = JSON.parse(text()) as { err: { type: string; message: string; stack: string } };
    expect(line.err).toMatchObject({ type: 'TypeError', message: 'boom at step 3' });
    expect(line.err.stack).toMatch(/^TypeError: boom at step 3\n\s+at /);
  });

  it('masks an error carrying postgres.js-style parameters and query fields', () => {
    const err = Object.assign(new Error('invalid input syntax for type integer: "jo.private@example.org"'), {
      code: '22P02',
      query: 'select $1::int',
      parameters: ['jo.private@example.org'],
      detail: 'Key (email)=(jo.private@example.org) already exists.',
    });
    const { log, text } = capture();
    log.error({ err }, 'failed');
    expect(text()).not.toMatch(/jo\.private/);
    expect(text()).toMatch(/invalid input syntax for type integer: \\"\[redacted\]\\"/);
  });
});

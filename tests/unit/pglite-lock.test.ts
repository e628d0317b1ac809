import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { acquirePgliteLock, PgliteLockedError } from '@/db/pglite-lock';

function tempDir() {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'ratify-lock-'));
}

describe('PGlite folder ownership', () => {
  it('refuses a second process while the owner is alive, naming it', async () => {
    const dir = tempDir();
    // A real second process holds the lock, as the app server would.
    const owner = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 30000)']);
    try {
      fs.writeFileSync(
        path.join(dir, 'ratify-owner.lock'),
        JSON.stringify({ pid: owner.pid, host: os.hostname(), command: 'next start', since: new Date().toISOString() }),
      );
      let err: unknown;
      try {
        acquirePgliteLock(dir);
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(PgliteLockedError);
      expect((err as Error).message).toMatch(new RegExp(`pid ${owner.pid}`));
      expect((err as Error).message).toMatch(/next start/);
      expect((err as Error).message).toMatch(/DATABASE_URL/);
    } finally {
      owner.kill();
    }
  });

  it('takes over a stale lock left by a dead process and releases its own', () => {
    const dir = tempDir();
    const lock = path.join(dir, 'ratify-owner.lock');
    fs.writeFileSync(lock, JSON.stringify({ pid: 2 ** 22 + 7, host: os.hostname(), command: 'x', since: '' }));
    const release = acquirePgliteLock(dir);
    expect(JSON.parse(fs.readFileSync(lock, 'utf8')).pid).toBe(process.pid);
    release();
    expect(fs.existsSync(lock)).toBe(false);
  });
});

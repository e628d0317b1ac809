import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

// PGlite has no cross-process lock: two processes on one data folder silently lose rows. Exactly one
// process (normally the app server) may own the folder; anyone else gets a message naming the owner.
type LockInfo = { pid: number; host: string; command: string; since: string };

export class PgliteLockedError extends Error {
  constructor(dir: string, owner: LockInfo) {
    super(
      `The embedded database at ${dir} is in use by another process ` +
        `(pid ${owner.pid} on ${owner.host}, "${owner.command}", since ${owner.since}).\n` +
        `PGlite cannot be shared between processes. Stop that process first, or point DATABASE_URL ` +
        `at a PostgreSQL server to run scripts while the app is up.`,
    );
    this.name = 'PgliteLockedError';
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function acquirePgliteLock(dir: string): () => void {
  fs.mkdirSync(dir, { recursive: true });
  const file = path.join(dir, 'ratify-owner.lock');
  const me: LockInfo = {
    pid: process.pid,
    host: os.hostname(),
    command: process.argv.slice(1).map((a) => path.basename(a)).join(' ').slice(0, 120),
    since: new Date().toISOString(),
  };
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      fs.writeFileSync(file, JSON.stringify(me), { flag: 'wx' });
      const release = () => {
        try {
          const current = JSON.parse(fs.readFileSync(file, 'utf8')) as LockInfo;
          if (current.pid === process.pid) fs.unlinkSync(file);
        } catch {
          // Already gone.
        }
      };
      process.once('exit', release);
      return release;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
      let owner: LockInfo | undefined;
      try {
        owner = JSON.parse(fs.readFileSync(file, 'utf8')) as LockInfo;
      } catch {
        owner = undefined;
      }
      if (owner && owner.pid === process.pid) return () => {};
      if (owner && owner.host === os.hostname() && alive(owner.pid)) throw new PgliteLockedError(dir, owner);
      // The owner died without cleaning up: the lock is stale.
      fs.rmSync(file, { force: true });
    }
  }
  throw new Error(`Could not take the lock on ${dir}`);
}

import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';

// A PostgreSQL server of the test's own, to stop and start at will (the machine's shared server is
// never restarted). PostgreSQL refuses to run as root: commands run as the `postgres` user when
// the test runs as root.

function binDir(): string {
  const root = '/usr/lib/postgresql';
  const versions = fs.existsSync(root) ? fs.readdirSync(root).sort((a, b) => Number(b) - Number(a)) : [];
  for (const v of versions) {
    const dir = path.join(root, v, 'bin');
    if (fs.existsSync(path.join(dir, 'pg_ctl'))) return dir;
  }
  throw new Error('pg_ctl not found under /usr/lib/postgresql/*/bin');
}

const asRoot = process.getuid?.() === 0;
const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

function run(bin: string, args: string[]) {
  const cmd = [path.join(binDir(), bin), ...args];
  if (asRoot) execFileSync('su', ['postgres', '-c', cmd.map(quote).join(' ')], { stdio: 'pipe' });
  else execFileSync(cmd[0], cmd.slice(1), { stdio: 'pipe' });
}

async function freePort(from: number, to: number): Promise<number> {
  for (let port = from; port <= to; port++) {
    const free = await new Promise<boolean>((resolve) => {
      const s = net.createServer();
      s.once('error', () => resolve(false));
      s.listen(port, '127.0.0.1', () => s.close(() => resolve(true)));
    });
    if (free) return port;
  }
  throw new Error(`no free port in ${from}-${to}`);
}

export type PrivatePostgres = { url: string; port: number; stop(): void; start(): void; destroy(): void };

/** initdb a cluster in a temporary folder, start it on a free port, create database `ratify`. */
export async function startPrivatePostgres(): Promise<PrivatePostgres> {
  const dir = fs.mkdtempSync('/tmp/ratify-faults-pg-');
  const data = path.join(dir, 'data');
  const log = path.join(dir, 'server.log');
  if (asRoot) execFileSync('chown', ['-R', 'postgres:postgres', dir]);
  const port = await freePort(5490, 5499);
  run('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '--no-sync', '-E', 'UTF8']);
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`;
  const start = () => run('pg_ctl', ['-D', data, '-o', options, '-l', log, '-w', 'start']);
  const stop = () => run('pg_ctl', ['-D', data, '-m', 'fast', '-w', 'stop']);
  start();
  run('createdb', ['-h', '127.0.0.1', '-p', String(port), '-U', 'postgres', 'ratify']);
  return {
    url: `postgres://postgres@127.0.0.1:${port}/ratify`,
    port,
    start,
    stop,
    destroy: () => {
      try {
        stop();
      } catch {
        // already stopped
      }
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

// What the benchmarks share: a scratch PostgreSQL database, the production server (built first
// when sources changed) on a free port, autocannon runs and their figures.
import { spawn, type ChildProcess } from 'node:child_process';
import net from 'node:net';
import path from 'node:path';
import autocannon, { type Result } from 'autocannon';
import postgres from 'postgres';

export const root = path.resolve(__dirname, '..', '..');
const adminUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const duration = Number(process.env.BENCH_DURATION ?? 10);
export const connections = Number(process.env.BENCH_CONNECTIONS ?? 50);
export const rounds = Math.max(1, Number(process.env.BENCH_ROUNDS ?? 3));
export const distDir = process.env.NEXT_DIST_DIR || '.next-bench';

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

export async function createDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `ratify_bench_${Date.now().toString(36)}`;
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database "${name}"`);
  const u = new URL(adminUrl);
  u.pathname = `/${name}`;
  return {
    url: u.toString(),
    drop: async () => {
      await admin.unsafe(`drop database if exists "${name}" with (force)`);
      await admin.end();
    },
  };
}

export type Server = { base: string; child: ChildProcess; stop: () => void };

/** `npm start` (build if needed, then next start) on a free port over `databaseUrl`. */
export async function startServer(databaseUrl: string, extraEnv: Record<string, string> = {}): Promise<Server> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    NEXT_TELEMETRY_DISABLED: '1',
    NEXT_DIST_DIR: distDir,
    PORT: String(port),
    APP_URL: `http://localhost:${port}`,
    DATABASE_URL: databaseUrl,
    RATE_LIMIT_DISABLED: '1',
    FORM_MIN_FILL_SECONDS: '0',
    SENATORS_SOURCE: process.env.SENATORS_SOURCE ?? path.resolve(root, '..', 'shared', 'data', 'congress-legislators'),
    LOG_LEVEL: 'warn',
    ...extraEnv,
  };
  delete env.PGLITE_DATA_DIR;
  // Own process group, so the builder/server tree can be stopped as one.
  const child = spawn(process.execPath, [path.join(root, 'lib', 'cli', 'start.mjs')], { cwd: root, env, stdio: 'inherit', detached: true });
  const stop = () => {
    try {
      process.kill(-child.pid!, 'SIGTERM');
    } catch {
      // already gone
    }
  };
  process.on('SIGINT', () => {
    stop();
    process.exit(130);
  });
  const base = `http://127.0.0.1:${port}`;
  await waitForServer(base, child);
  return { base, child, stop };
}

async function waitForServer(base: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 600_000; // includes a build when sources changed
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with code ${child.exitCode}`);
    try {
      const res = await fetch(`${base}/api/health`);
      const body = (await res.json()) as { status?: string; roster?: { senators?: number } };
      // Wait for the background roster import too: it would otherwise compete for the CPU.
      if (body.status === 'ok' && (body.roster?.senators ?? 0) >= 100) return;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline) throw new Error('server did not become healthy in time');
    await new Promise((r) => setTimeout(r, 500));
  }
}

export function run(opts: autocannon.Options): Promise<Result> {
  return new Promise((resolve, reject) => {
    autocannon({ connections, duration, ...opts }, (err, res) => (err ? reject(err) : resolve(res)));
  });
}

export type Figures = { rps: number; p50: number; p99: number; errors: number; ok: number; timeouts: number; non2xx: number };

export const mean = (fs: Figures[]): Figures => ({
  rps: fs.reduce((a, f) => a + f.rps, 0) / fs.length,
  p50: fs.reduce((a, f) => a + f.p50, 0) / fs.length,
  p99: fs.reduce((a, f) => a + f.p99, 0) / fs.length,
  errors: fs.reduce((a, f) => a + f.errors, 0),
  ok: fs.reduce((a, f) => a + f.ok, 0),
  timeouts: fs.reduce((a, f) => a + f.timeouts, 0),
  non2xx: fs.reduce((a, f) => a + f.non2xx, 0),
});

export const figures = (r: Result): Figures => ({
  rps: r.requests.average,
  p50: r.latency.p50,
  p99: r.latency.p99,
  errors: r.errors + r.timeouts + r.non2xx,
  ok: r['2xx'],
  timeouts: r.timeouts,
  non2xx: r.non2xx,
});

export const row = (name: string, f: Figures) =>
  `${name.padEnd(26)}${f.rps.toFixed(0).padStart(9)}${`${f.p50.toFixed(1)} ms`.padStart(10)}${`${f.p99.toFixed(1)} ms`.padStart(10)}${String(f.errors).padStart(8)}`;

export const header = () => `${'route'.padEnd(26)}${'req/s'.padStart(9)}${'p50'.padStart(10)}${'p99'.padStart(10)}${'errors'.padStart(8)}`;

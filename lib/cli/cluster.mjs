// @ts-check
// N production instances of Ratify on one PostgreSQL database behind a round-robin HTTP proxy: for
// trying scale-out (`npm run start:cluster -- N`) and for tests that need several instances
// (import { startCluster } from 'lib/cli/cluster.mjs').
import { spawn } from 'node:child_process';
import http from 'node:http';
import path from 'node:path';
import { createProxyServer } from 'httpxy';
import { buildIfNeeded } from './build-if-needed.mjs';

/**
 * @typedef {{
 *   index: number, port: number, url: string, pid: number | undefined,
 *   exited: Promise<number | null>,
 *   kill(signal?: NodeJS.Signals): void,
 *   output(): string,
 * }} ClusterInstance
 * @typedef {{
 *   proxyUrl: string, urls: string[], instances: ClusterInstance[],
 *   stop(): Promise<void>,
 * }} Cluster
 */

/**
 * Start `instances` servers from one build on one database, each on its own port, and a proxy that
 * hands requests to them in turn. The instances share what must match across a deployment: the
 * build (one `distDir`: same build id, same server-actions key), the database (sessions, rate
 * limits, outbox, page cache, generated secrets) and the public URL (the proxy's). Resolves once
 * every instance answers /api/health; stop() ends the proxy and the instances.
 * @param {{
 *   instances?: number, databaseUrl: string, basePort?: number, proxyPort?: number,
 *   distDir?: string, env?: Record<string, string | undefined>, root?: string,
 *   instanceEnv?: (index: number) => Record<string, string | undefined>,
 *   echo?: boolean, readyTimeoutMs?: number,
 * }} options
 * @returns {Promise<Cluster>}
 */
export async function startCluster({
  instances: count = 2,
  databaseUrl,
  basePort = 3001,
  proxyPort = basePort - 1,
  distDir = process.env.NEXT_DIST_DIR || '.next',
  env = {},
  // Per instance (0-based) on top of `env`: tests give each instance its own fake provider URL.
  instanceEnv = () => ({}),
  root = process.cwd(),
  echo = false,
  readyTimeoutMs = 120_000,
}) {
  if (!/^postgres(ql)?:\/\//.test(databaseUrl ?? '')) {
    throw new Error(
      'The cluster needs DATABASE_URL (postgres://…): the embedded database belongs to one process and cannot be shared.',
    );
  }
  if (!Number.isInteger(count) || count < 1 || count > 9) throw new Error('Between 1 and 9 instances, please.');
  // Next rewrites 127.0.0.1 to localhost in request URLs: links and cookies say localhost.
  const proxyUrl = `http://localhost:${proxyPort}`;
  /** @type {NodeJS.ProcessEnv} */
  const baseEnv = /** @type {NodeJS.ProcessEnv} */ ({
    ...process.env,
    NODE_ENV: 'production',
    NEXT_TELEMETRY_DISABLED: '1',
    NEXT_DIST_DIR: distDir,
    DATABASE_URL: databaseUrl,
    APP_URL: proxyUrl,
    // The proxy appends the client's address to X-Forwarded-For.
    TRUST_PROXY: '1',
    ...env,
  });
  buildIfNeeded({ root, distDir, env: baseEnv });

  // Each instance is the production server (lib/cli/server.mjs: client addresses from the socket).
  const server = path.join(root, 'lib', 'cli', 'server.mjs');
  /** @type {ClusterInstance[]} */
  const started = [];
  /** @param {number} index */
  const launch = (index) => {
    const port = basePort + index;
    const child = spawn(process.execPath, [server, '-p', String(port)], {
      cwd: root,
      env: /** @type {NodeJS.ProcessEnv} */ ({ ...baseEnv, ...instanceEnv(index), PORT: String(port) }),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let tail = '';
    const collect = (/** @type {Buffer} */ chunk) => {
      const text = chunk.toString();
      tail = (tail + text).slice(-20_000);
      if (echo) process.stdout.write(text.replace(/^(?=.)/gm, `[${index + 1}] `));
    };
    child.stdout?.on('data', collect);
    child.stderr?.on('data', collect);
    /** @type {ClusterInstance} */
    const instance = {
      index,
      port,
      url: `http://localhost:${port}`,
      pid: child.pid,
      exited: new Promise((resolve) => child.once('exit', (code) => resolve(code))),
      kill: (signal = 'SIGTERM') => {
        if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      },
      output: () => tail,
    };
    started.push(instance);
    return instance;
  };

  const proxy = createProxyServer({ xfwd: true, proxyTimeout: 60_000 });
  let turn = 0;
  const front = http.createServer((req, res) => {
    // A request may ask for an instance by number (tests: a page from one, its form to another).
    const asked = Number(req.headers['x-ratify-instance']);
    const target = started[asked >= 1 && asked <= started.length ? asked - 1 : turn++ % started.length];
    // Which instance answered, for tests that prove the load is spread.
    res.setHeader('x-ratify-instance', String(target.index + 1));
    proxy.web(req, res, { target: target.url }).catch(() => {
      if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' });
      res.end(`instance ${target.index + 1} did not answer`);
    });
  });

  const stop = async () => {
    await new Promise((resolve) => front.close(() => resolve(undefined)));
    front.closeAllConnections();
    for (const i of started) i.kill('SIGTERM');
    const timer = setTimeout(() => started.forEach((i) => i.kill('SIGKILL')), 10_000);
    await Promise.all(started.map((i) => i.exited));
    clearTimeout(timer);
  };

  try {
    // The first instance migrates and seeds a new database alone; the others then find it ready.
    await waitUntilHealthy(launch(0), readyTimeoutMs);
    const rest = Array.from({ length: count - 1 }, (_, i) => launch(i + 1));
    await Promise.all(rest.map((i) => waitUntilHealthy(i, readyTimeoutMs)));
    await new Promise((resolve, reject) => {
      front.once('error', reject);
      front.listen(proxyPort, () => resolve(undefined));
    });
  } catch (err) {
    await stop().catch(() => {});
    throw err;
  }
  return { proxyUrl, urls: started.map((i) => i.url), instances: started, stop };
}

/**
 * @param {ClusterInstance} instance
 * @param {number} timeoutMs
 */
async function waitUntilHealthy(instance, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  let exitCode = /** @type {number | null | undefined} */ (undefined);
  instance.exited.then((code) => (exitCode = code));
  for (;;) {
    if (exitCode !== undefined) {
      throw new Error(`instance ${instance.index + 1} exited (${exitCode}) before it was ready:\n${instance.output()}`);
    }
    try {
      const res = await fetch(`${instance.url}/api/health`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`instance ${instance.index + 1} not ready after ${timeoutMs} ms:\n${instance.output()}`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

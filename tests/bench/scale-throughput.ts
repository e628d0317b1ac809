// Signing throughput for bench:scale: two production instances behind the round-robin proxy
// (`npm run start:cluster -- 2`, in a process of its own) and interleaved autocannon rounds of the
// bare route and signing, direct to one instance, through the proxy pinned to it, and through the
// proxy to both. See scale.ts.
import { spawn } from 'node:child_process';
import path from 'node:path';
import type autocannon from 'autocannon';
import { connections, distDir, figures, header, mean, root, row, run, type Figures } from './harness';

const seconds = Number(process.env.BENCH_DURATION ?? 6);
const roundsN = Math.max(1, Number(process.env.BENCH_ROUNDS ?? 3));
const log = (...args: unknown[]) => console.log(...args);
const median = <T>(xs: T[], by: (x: T) => number) => [...xs].sort((a, b) => by(a) - by(b))[Math.floor(xs.length / 2)];

export async function waitForRoster(url: string) {
  for (const deadline = Date.now() + 300_000; Date.now() < deadline; await new Promise((r) => setTimeout(r, 500))) {
    const body = (await (await fetch(`${url}/api/health`)).json().catch(() => ({}))) as { roster?: { senators?: number } };
    if ((body.roster?.senators ?? 0) >= 100) return;
  }
  throw new Error('the senators roster was not imported in time');
}

/**
 * `npm run start:cluster -- 2` in a process of its own, as a deployment's load balancer would be:
 * in this one its proxy would share an event loop with the load tool.
 */
export async function startClusterProcess(databaseUrl: string, proxyPort: number) {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(proxyPort),
    DATABASE_URL: databaseUrl,
    NEXT_DIST_DIR: distDir,
    OUTBOX_IN_APP: '0',
    RATE_LIMIT_DISABLED: '1',
    FORM_MIN_FILL_SECONDS: '0',
    LOG_LEVEL: 'warn',
    SENATORS_SOURCE: process.env.SENATORS_SOURCE ?? path.resolve(root, '..', 'shared', 'data', 'congress-legislators'),
  };
  delete env.PGLITE_DATA_DIR;
  // Its own process group (the proxy and the instances), stopped as one.
  const child = spawn(process.execPath, [path.join(root, 'lib', 'cli', 'start-cluster.mjs'), '2'], { cwd: root, env, stdio: ['ignore', 'pipe', 'inherit'], detached: true });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    const kill = (sig: NodeJS.Signals) => {
      try {
        process.kill(-child.pid!, sig);
      } catch {
        // already gone
      }
    };
    kill('SIGTERM');
    const timer = setTimeout(() => kill('SIGKILL'), 15_000);
    await exited;
    clearTimeout(timer);
  };
  process.on('SIGINT', () => {
    void stop().then(() => process.exit(130));
  });
  let out = '';
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('behind a round-robin proxy')) resolve();
    });
    void exited.then(() => reject(new Error(`start:cluster exited before it was ready:\n${out}`)));
  });
  child.stdout!.resume();
  return { proxyUrl: `http://localhost:${proxyPort}`, urls: [1, 2].map((k) => `http://localhost:${proxyPort + k}`), stop };
}


/** Signing through one instance and through two, against the bare route, in interleaved rounds. */
export async function measureThroughput(slug: string, instances: string[], proxy: string, problems: string[]) {
  const direct = instances[0];
  let n = 0;
  let prefix = 'warm';
  const signOpts = (base: string, headers: Record<string, string> = {}): autocannon.Options => ({
    url: `${base}/api/campaigns/${slug}/signatures`,
    duration: seconds,
    requests: [{
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      setupRequest: (req) => ({
        ...req,
        body: JSON.stringify({ firstName: 'Bench', lastName: 'Signer', email: `${prefix}-${++n}@bench.ratify.test`, zip: '20002', optIn: false }),
      }),
    }],
  });
  const configs = [
    { name: 'sign, 1 instance (direct)', short: 'sign 1 direct', opts: signOpts(direct) },
    { name: 'sign, proxy → instance 1', short: 'sign proxy→1', opts: signOpts(proxy, { 'x-ratify-instance': '1' }) },
    { name: 'sign, proxy → 2 instances', short: 'sign proxy→2', opts: signOpts(proxy) },
    { name: 'bare, proxy → 2 instances', short: 'ping proxy→2', opts: { url: `${proxy}/api/ping`, duration: seconds } },
  ];
  const bare = { url: `${direct}/api/ping`, duration: seconds };
  // Which error statuses came back, per configuration (a wrong answer, unlike a timeout).
  const statuses = new Map<string, Map<string, number>>();
  const measure = async (name: string, opts: autocannon.Options) => {
    const r = await run(opts);
    for (const [code, stat] of Object.entries(r.statusCodeStats ?? {})) {
      if (code.startsWith('2')) continue;
      const seen = statuses.get(name) ?? new Map<string, number>();
      seen.set(code, (seen.get(code) ?? 0) + ((stat as { count?: number }).count ?? 0));
      statuses.set(name, seen);
    }
    return figures(r);
  };

  // Both instances must still be up (on a shared machine something else may have stopped them).
  for (const [k, url] of instances.entries()) {
    const ok = await fetch(`${url}/api/health`).then((r) => r.ok, () => false);
    if (!ok) throw new Error(`instance ${k + 1} (${url}) is not answering before the throughput rounds`);
  }
  // The proxy must hand requests to both instances in turn.
  const served = new Set<string>();
  for (let i = 0; i < 6; i++) served.add((await fetch(`${proxy}/api/ping`)).headers.get('x-ratify-instance') ?? '?');
  if (!(served.has('1') && served.has('2'))) problems.push(`the proxy served from instances ${[...served].join(', ')} only`);

  // Warm every route and both instances at full load (JIT, pooled connections' prepared statements).
  await run({ ...bare, duration: 3 });
  await run({ ...configs[0].opts, duration: 4 });
  await run({ ...configs[2].opts, duration: 4 });
  await run({ ...configs[3].opts, duration: 2 });

  prefix = 'bench';
  log(`\nMeasuring ${roundsN} rounds of ${seconds}s each at ${connections} connections: bare, ${configs.map((c) => c.name).join(', ')}, …, bare.`);
  const bares: Figures[] = [await measure('bare, 1 instance (direct)', bare)];
  const measured: Figures[][] = configs.map(() => []);
  for (let r = 0; r < roundsN; r++) {
    for (const [j, c] of configs.entries()) measured[j].push(await measure(c.name, c.opts));
    bares.push(await measure('bare, 1 instance (direct)', bare));
  }
  const signedOk = measured.slice(0, 3).flat().reduce((a, f) => a + f.ok, 0);
  const timeouts = measured.slice(0, 3).flat().reduce((a, f) => a + f.timeouts, 0);
  for (const [name, seen] of statuses) {
    problems.push(`${name} answered with error statuses (${[...seen].map(([code, k]) => `${k}× ${code}`).join(', ')})`);
  }

  return {
    signedOk,
    slack: 3 * roundsN * connections + timeouts,
    print() {
      log(`\n${header()}`);
      bares.forEach((f, i) => log(row(`GET /api/ping (${i + 1})`, f)));
      configs.forEach((c, j) => measured[j].forEach((f, i) => log(row(`${c.short} (${i + 1})`, f))));
      log('\nmedian round per configuration (against the mean of the bare direct runs before and after its round):');
      for (const [j, c] of configs.entries()) {
        const ratios = measured[j].map((f, i) => {
          const around = mean([bares[i], bares[i + 1]]);
          return { f, around, rps: f.rps / around.rps, p99: f.p99 / around.p99 };
        });
        const m = median(ratios, (x) => x.rps);
        log(`  ${c.name.padEnd(28)} ${m.f.rps.toFixed(0).padStart(6)} req/s (bare ${m.around.rps.toFixed(0)}): req/s ${m.rps.toFixed(2)}×, ` +
          `p99 ${m.f.p99.toFixed(0)} ms = ${m.p99.toFixed(2)}× (rounds: ${ratios.map((x) => x.rps.toFixed(2)).join(', ')}), errors ${measured[j].reduce((a, f) => a + f.errors, 0)}`);
      }
      const two = median(measured[2].map((f, i) => f.rps / measured[1][i].rps), (x) => x);
      log(`  two instances / one instance, both through the proxy: ${two.toFixed(2)}× (median round)`);
    },
  };
}


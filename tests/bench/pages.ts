// `npm run bench:pages`: the two cached public pages (home, campaign) against a bare route
// handler, in one run, on the production server over a fresh PostgreSQL database (dropped
// afterwards), with the page cache in that database (lib/cache). Then what each public page ships:
// the JavaScript its HTML loads, gzipped, against the 120 kB budget and against what an empty
// page of this Next.js version loads. Prints figures and ratios; fails only on wrong answers (a
// page that is not served from the cache, an error status) or a server that would not start.
//
//   BENCH_DATABASE_URL, BENCH_DURATION, BENCH_CONNECTIONS, BENCH_ROUNDS: as for bench:sign.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { connections, createDatabase, distDir, duration, figures, header, mean, root, rounds, row, run, startServer, type Figures } from './harness';

const SLUG = 'protect-children-protocol';
const BUDGET_KB = 120;
const PAGES = [
  { name: 'GET / (home)', path: '/' },
  { name: `GET /c/${SLUG}`, path: `/c/${SLUG}` },
];

/**
 * Every script the page's HTML loads from /_next/static, its size on disk and gzipped (level 9).
 * `nomodule` scripts (polyfills for browsers without modules) are not loaded by current browsers.
 */
async function shippedJs(base: string, pagePath: string) {
  const html = await (await fetch(`${base}${pagePath}`)).text();
  const tags = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]).filter((tag) => !/\bnomodule\b/i.test(tag));
  const srcs = new Set(
    tags.map((tag) => /\bsrc="([^"]+)"/.exec(tag)?.[1] ?? '').filter((src) => src.startsWith('/_next/static/')),
  );
  let raw = 0;
  let gz = 0;
  for (const src of srcs) {
    const file = path.join(root, distDir, decodeURIComponent(src.replace(/^\/_next\//, '').split('?')[0]));
    const bytes = fs.readFileSync(file);
    raw += bytes.length;
    gz += zlib.gzipSync(bytes, { level: 9 }).length;
  }
  return { scripts: srcs.size, rawKb: raw / 1024, gzKb: gz / 1024 };
}

async function cacheStatus(base: string, pagePath: string): Promise<string> {
  const res = await fetch(`${base}${pagePath}`);
  await res.arrayBuffer();
  return `${res.status} ${res.headers.get('x-nextjs-cache') ?? '(no x-nextjs-cache)'}`;
}

async function main() {
  const db = await createDatabase();
  let stop = () => {};
  try {
    const server = await startServer(db.url, { OUTBOX_IN_APP: '0' });
    stop = server.stop;
    const { base } = server;
    const bare = { url: `${base}/api/ping` };
    const pages = PAGES.map((p) => ({ ...p, opts: { url: `${base}${p.path}` } }));

    // Render each page once and check that the next request is a cache hit.
    const problems: string[] = [];
    for (const p of pages) {
      await cacheStatus(base, p.path);
      const status = await cacheStatus(base, p.path);
      console.log(`${p.name}: ${status}`);
      if (!/^200 (HIT|STALE)$/.test(status)) problems.push(`${p.name} is not served from the cache (${status})`);
    }

    // Warm every route at full load (JIT, connections, the cache's local copy) before measuring.
    await run({ ...bare, duration: 3 });
    for (const p of pages) await run({ ...p.opts, duration: 3 });

    // Interleaved rounds (bare, home, campaign, bare, …): each page is compared with the bare runs
    // just before and after its round, and the median round is reported.
    console.log(`\nMeasuring ${rounds} rounds of ${duration}s each at ${connections} connections: bare, ${pages.map((p) => p.path).join(', ')}, …, bare.`);
    const bares: Figures[] = [figures(await run(bare))];
    const measured: Figures[][] = pages.map(() => []);
    for (let i = 0; i < rounds; i++) {
      for (const [j, p] of pages.entries()) measured[j].push(figures(await run(p.opts)));
      bares.push(figures(await run(bare)));
    }

    console.log(`\n${header()}`);
    bares.forEach((f, i) => console.log(row(`GET /api/ping (${i + 1})`, f)));
    pages.forEach((p, j) => measured[j].forEach((f, i) => console.log(row(`${p.path} (${i + 1})`, f))));
    console.log('\nper page, median round (against the mean of the bare runs before and after it):');
    for (const [j, p] of pages.entries()) {
      const perRound = measured[j].map((f, i) => ({ f, around: mean([bares[i], bares[i + 1]]) }));
      const ratios = perRound.map(({ f, around }) => ({ f, around, rps: f.rps / around.rps, p99: f.p99 / around.p99 }));
      const median = [...ratios].sort((a, b) => a.rps - b.rps)[Math.floor(ratios.length / 2)];
      const errors = measured[j].reduce((a, f) => a + f.errors, 0);
      const wrong = measured[j].reduce((a, f) => a + f.non2xx, 0);
      console.log(
        `  ${p.name.padEnd(36)} ${median.f.rps.toFixed(0).padStart(6)} req/s vs bare ${median.around.rps.toFixed(0).padStart(6)}: ` +
          `req/s ${median.rps.toFixed(2)}×, p99 ${median.p99.toFixed(2)}× (rounds: ${ratios.map((r) => r.rps.toFixed(2)).join(', ')}), ` +
          `errors ${errors} (of which non-2xx answers: ${wrong}; the rest timed out)`,
      );
      // A timeout is the machine's load; a wrong status is a wrong answer.
      if (wrong > 0) problems.push(`${p.name} answered ${wrong} times with an error status`);
    }

    console.log(`\nJavaScript each page loads (its HTML's scripts, gzipped at level 9; budget ${BUDGET_KB} kB):`);
    const floor = await shippedJs(base, '/no-such-page');
    const report = async (name: string, pagePath: string) => {
      const js = pagePath === '/no-such-page' ? floor : await shippedJs(base, pagePath);
      const own = js.gzKb - floor.gzKb;
      console.log(
        `  ${name.padEnd(36)} ${js.gzKb.toFixed(1).padStart(6)} kB gz (${js.rawKb.toFixed(0)} kB raw, ${js.scripts} scripts)` +
          `${pagePath === '/no-such-page' ? '  = what every page loads' : `  page's own: ${own.toFixed(1)} kB`}` +
          `${js.gzKb <= BUDGET_KB ? '' : '  over budget'}`,
      );
    };
    await report('empty page (a 404)', '/no-such-page');
    for (const p of pages) await report(p.name, p.path);
    await report(`GET /c/${SLUG}/write`, `/c/${SLUG}/write`);

    if (problems.length) {
      console.error(`\nCHECK FAILED: ${problems.join('; ')}`);
      process.exitCode = 1;
    }
  } finally {
    stop();
    await new Promise((r) => setTimeout(r, 1000));
    await db.drop();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});

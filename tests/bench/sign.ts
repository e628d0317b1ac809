// `npm run bench:sign`: the signing endpoint against a bare route handler, in one run, on the
// production server (`next start`, built first when sources changed) over a fresh PostgreSQL
// database that is dropped afterwards. Prints figures and ratios; never fails on a timing, only on
// wrong data (a supporter signed twice, a signature without its email) or a server that would not start.
//
//   BENCH_DATABASE_URL   server to create the scratch database on (default postgres://postgres@127.0.0.1:5432/postgres)
//   BENCH_DURATION       seconds per measurement (default 10)   BENCH_CONNECTIONS (default 50)
//   BENCH_ROUNDS         signing measurements, each between two bare ones (default 3; the median is reported)
//   BENCH_OUTBOX_IN_APP  1 to drain (render and "send") the confirmation emails inside the measured
//                        server too; by default a separate worker's job (OUTBOX_IN_APP=0) and not measured.
import type autocannon from 'autocannon';
import postgres from 'postgres';
import { connections, createDatabase, figures, header, mean, rounds, row, run, startServer, type Figures, duration } from './harness';

const slug = 'protect-children-protocol';

async function main() {
  const db = await createDatabase();
  let stop = () => {};
  try {
    const server = await startServer(db.url, { OUTBOX_IN_APP: process.env.BENCH_OUTBOX_IN_APP === '1' ? '1' : '0' });
    stop = server.stop;
    const { base } = server;
    const bare = { url: `${base}/api/ping` };
    // Distinct supporters: every request body gets the next number in its email address; the
    // warm-up signs as `warm-…`, the measured run as `bench-…`, so the data check counts only the latter.
    let n = 0;
    let prefix = 'warm';
    const sign: autocannon.Options = {
      url: `${base}/api/campaigns/${slug}/signatures`,
      requests: [
        {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          setupRequest: (req) => ({
            ...req,
            body: JSON.stringify({
              firstName: 'Bench',
              lastName: 'Signer',
              email: `${prefix}-${++n}@bench.ratify.test`,
              zip: '20002',
              optIn: false,
            }),
          }),
        },
      ],
    };
    // Warm both routes (JIT, every pooled connection's prepared statement, caches) at full load
    // before measuring: a shorter warm-up left the first signing round visibly slower than the rest.
    await run({ ...bare, duration: 3 });
    await run({ ...sign, duration: 5 });

    prefix = 'bench';
    // Interleaved rounds (bare, signing, bare, …): this machine's speed drifts within a minute, so
    // each signing measurement is compared with the bare runs just before and after it, and the
    // median round is reported.
    console.log(`\nMeasuring ${rounds} rounds of ${duration}s each at ${connections} connections: bare, signing, …, bare.`);
    const bares: Figures[] = [figures(await run(bare))];
    const signings: Figures[] = [];
    for (let i = 0; i < rounds; i++) {
      signings.push(figures(await run(sign)));
      bares.push(figures(await run(bare)));
    }
    const roundsOut = signings.map((signing, i) => {
      const around = mean([bares[i], bares[i + 1]]);
      return { signing, bare: around, rpsRatio: signing.rps / around.rps, p99Ratio: signing.p99 / around.p99 };
    });
    const median = [...roundsOut].sort((a, b) => a.p99Ratio - b.p99Ratio)[Math.floor(roundsOut.length / 2)];
    const signing = median.signing;
    const bareAvg = median.bare;
    const signingAll = signings.reduce((a, f) => ({ ...a, errors: a.errors + f.errors, ok: a.ok + f.ok, timeouts: a.timeouts + f.timeouts }), {
      ...signing,
      errors: 0,
      ok: 0,
      timeouts: 0,
    });

    const sql = postgres(db.url, { max: 1, onnotice: () => {} });
    const [check] = await sql`
      with b as (select id from supporters where email like 'bench-%@bench.ratify.test')
      select (select count(*)::int from signatures where supporter_id in (select id from b)) as signatures,
             (select count(distinct supporter_id)::int from signatures where supporter_id in (select id from b)) as signers,
             (select count(*)::int from b) as supporters,
             (select count(*)::int from email_outbox where template = 'signature-confirmation'
                and to_address like 'bench-%@bench.ratify.test') as emails`;
    await sql.end();

    console.log(`\n${header()}`);
    bares.forEach((f, i) => console.log(row(`GET /api/ping (${i + 1})`, f)));
    signings.forEach((f, i) => console.log(row(`POST …/signatures (${i + 1})`, f)));
    console.log('\nper round (signing against the mean of the bare runs before and after it):');
    roundsOut.forEach((r, i) => console.log(`  round ${i + 1}: req/s ${r.rpsRatio.toFixed(2)}×, p99 ${r.p99Ratio.toFixed(2)}×`));
    console.log(`\nmedian round:`);
    console.log(row('bare (mean around it)', bareAvg));
    console.log(row('POST …/signatures', signing));
    const rpsRatio = median.rpsRatio;
    const p99Ratio = median.p99Ratio;
    const errors = signingAll.errors;
    console.log(`\nsigning / bare: req/s ${rpsRatio.toFixed(2)}× (target ≥ 0.50×), p99 ${p99Ratio.toFixed(2)}× (target ≤ 1.60×), errors ${errors} in all rounds (target 0)`);
    console.log(`rows: ${check.signatures} signatures, ${check.signers} distinct signers, ${check.supporters} supporters, ${check.emails} confirmation emails; ${signingAll.ok} signed responses`);

    const problems: string[] = [];
    if (check.signatures !== check.signers) problems.push('a supporter has more than one signature');
    // Requests still in flight when a measurement ends (at most one per connection), or abandoned
    // by autocannon after a timeout, may still complete on the server without being counted.
    if (check.signatures < signingAll.ok || check.signatures > signingAll.ok + rounds * connections + signingAll.timeouts) {
      problems.push('signature rows do not match the successful responses');
    }
    if (check.supporters !== check.signatures) problems.push('supporters without exactly one signature');
    if (check.emails !== check.signatures) problems.push('signatures without exactly one confirmation email');
    if (problems.length) {
      console.error(`\nDATA CHECK FAILED: ${problems.join('; ')}`);
      process.exitCode = 1;
    } else {
      console.log('data check: exactly one signature and one confirmation email per distinct supporter');
    }
    const met = rpsRatio >= 0.5 && p99Ratio <= 1.6 && errors === 0;
    console.log(`targets ${met ? 'met' : 'NOT met'} (reported only; timings never fail this script)`);
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

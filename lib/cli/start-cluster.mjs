#!/usr/bin/env node
// `npm run start:cluster -- [N]`: N instances (default 2) on DATABASE_URL behind a round-robin
// proxy on PORT (default 3000); the instances listen on the ports after it. Ctrl-C stops them all.
import { startCluster } from './cluster.mjs';

const arg = process.argv[2];
const instances = arg === undefined ? 2 : Number(arg);
const proxyPort = Number(process.env.PORT || 3000);
const databaseUrl = process.env.DATABASE_URL ?? '';

if (!databaseUrl) {
  console.error('start:cluster needs DATABASE_URL=postgres://… (several instances share one PostgreSQL database).');
  process.exit(1);
}

let cluster;
try {
  cluster = await startCluster({ instances, databaseUrl, proxyPort, basePort: proxyPort + 1, echo: process.env.CLUSTER_ECHO === '1' });
} catch (err) {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
}

console.log(`\nRatify: ${instances} instance${instances === 1 ? '' : 's'} on one database, behind a round-robin proxy.`);
console.log(`  Open        ${cluster.proxyUrl}   (requests go to each instance in turn)`);
cluster.instances.forEach((i) => console.log(`  Instance ${i.index + 1}  ${i.url}   (pid ${i.pid})`));
console.log('  Each answer names the instance that served it in an x-ratify-instance header; a request');
console.log('  with that header (a number) goes to that instance. Ctrl-C stops all.\n');

let stopping = false;
for (const sig of ['SIGINT', 'SIGTERM']) {
  process.on(sig, async () => {
    if (stopping) return;
    stopping = true;
    console.log('\nStopping the proxy and the instances…');
    await cluster.stop();
    process.exit(0);
  });
}
for (const i of cluster.instances) {
  i.exited.then((code) => {
    if (!stopping) console.error(`Instance ${i.index + 1} exited (${code}). Its last output:\n${i.output().slice(-4000)}`);
  });
}

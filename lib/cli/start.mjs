#!/usr/bin/env node
// `npm start`: build when the sources are newer than the last build, then serve with lib/cli/server.mjs
// (Next's handler behind our own HTTP server, so client addresses come from the socket). The server
// migrates and seeds its own database at boot (instrumentation.ts) and prints where to go next
// (lib/boot/welcome.ts).
import { spawn } from 'node:child_process';
import path from 'node:path';
import { buildIfNeeded } from './build-if-needed.mjs';

const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1' };
try {
  buildIfNeeded({ env });
} catch (err) {
  console.error(err.message);
  process.exit(1);
}

const args = [path.join(process.cwd(), 'lib', 'cli', 'server.mjs'), '-p', process.env.PORT || '3000', ...process.argv.slice(2)];
const child = spawn(process.execPath, args, { stdio: 'inherit', env });
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
child.on('exit', (code) => process.exit(code ?? 0));

#!/usr/bin/env node
// The production server (`npm run start:server`, and `npm start` after its build check): Next's own
// request handler behind a plain Node HTTP server. Why not `next start`: Next hands the app no socket
// address — it only fills X-Forwarded-For from the socket when the request has none, so a direct
// client that sends the header itself is indistinguishable from a proxy's report. Here every request
// runs inside an AsyncLocalStorage holding the TCP peer and the X-Forwarded-For header as they arrived,
// which lib/security/client-ip.ts reads (TRUST_PROXY decides which hops to believe). No header carries
// it, so nothing a client sends can imitate it.
import { AsyncLocalStorage } from 'node:async_hooks';
import http from 'node:http';
import next from 'next';

const origins = new AsyncLocalStorage();
// Shared with lib/security/request-origin.ts through the process-global symbol registry.
globalThis[Symbol.for('ratify.requestOrigin')] = origins;

function option(long, short) {
  const args = process.argv.slice(2);
  const i = args.findIndex((a) => a === long || a === short);
  return i >= 0 ? args[i + 1] : undefined;
}

const port = Number(option('--port', '-p') ?? process.env.PORT ?? 3000);
// Not $HOSTNAME: shells and containers set it to the machine's name. Default: every interface.
const hostname = option('--hostname', '-H');
process.env.NODE_ENV ??= 'production';

const app = next({ dev: false, dir: process.cwd(), port, hostname: hostname ?? 'localhost' });
await app.prepare();
const handle = app.getRequestHandler();

const server = http.createServer((req, res) => {
  const forwarded = req.headers['x-forwarded-for'];
  const origin = {
    peer: req.socket.remoteAddress,
    forwardedFor: Array.isArray(forwarded) ? forwarded.join(', ') : forwarded,
    // Set by instrumentation.ts (onRequestError) when this request failed because the database
    // could not be reached: its 500 is answered as 503 with Retry-After instead.
    unavailable: false,
  };
  answerOutagesWith503(res, origin);
  origins.run(origin, () =>
    handle(req, res).catch((err) => {
      console.error(`Failed to handle request for ${req.url}`, err);
      if (!res.headersSent) res.statusCode = 500;
      res.end();
    }),
  );
});

/**
 * A page whose render failed on a database outage is a 503 (try again soon), not a 500 (a bug):
 * Next answers 500 for any render error, so the status is rewritten as the head goes out.
 * @param {http.ServerResponse} res
 * @param {{ unavailable: boolean }} origin
 */
function answerOutagesWith503(res, origin) {
  const writeHead = res.writeHead;
  res.writeHead = function (status, ...rest) {
    if (status === 500 && origin.unavailable) {
      status = 503;
      res.statusMessage = 'Service Unavailable';
      if (typeof rest[0] === 'string') rest[0] = 'Service Unavailable';
      res.setHeader('Retry-After', '30');
      res.setHeader('Cache-Control', 'no-store');
    }
    return writeHead.call(this, status, ...rest);
  };
}

// Idle keep-alive connections stay open longer than a load balancer's or a client's own idle timeout
// (AWS ALB and most proxies: 60 s). With Node's default of 5 s, the server could close a connection
// just as the other side reused it for the next request, which then failed with a reset (seen in CI
// as ECONNRESET on a test's request). headersTimeout must exceed keepAliveTimeout.
server.keepAliveTimeout = 65_000;
server.headersTimeout = 66_000;

server.on('error', (err) => {
  console.error('Failed to start server', err);
  process.exit(1);
});

server.listen(port, hostname, () => {
  const url = `http://${hostname && hostname !== '0.0.0.0' ? hostname : 'localhost'}:${port}`;
  // Next's own server sets this for server actions that forward to another worker.
  process.env.__NEXT_PRIVATE_ORIGIN = url;
  console.log(`Ratify ready on ${url}`);
});

let closing = false;
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    if (closing) return;
    closing = true;
    // Stop taking connections, let requests in flight finish, then let Next clean up.
    server.close(() => {
      app
        .close()
        .catch((err) => console.error(err))
        .finally(() => process.exit(signal === 'SIGINT' ? 130 : 143));
    });
    server.closeIdleConnections();
  });
}

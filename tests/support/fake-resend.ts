import { createHash, randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export type FakeResendRequest = {
  method: string;
  path: string;
  headers: http.IncomingHttpHeaders;
  idempotencyKey: string | undefined;
  body: Record<string, unknown>;
  /** What the fake answered (0 while a hung request has had no answer). */
  status: number;
  /** The message id answered to an accepted request. */
  id?: string;
  /** When the request arrived (ms since the epoch, the fake's clock). */
  at: number;
  /** The path's prefix before `/emails` (tests give each sender its own base URL, e.g. `/worker`). */
  sender: string;
  /** A repeat of an accepted request (same key, same payload): answered with the first id, not sent again. */
  replay: boolean;
  /** Held unanswered right now (`hang`, `accept-then-hang`) until the sender gives up or dies. */
  held: boolean;
};

/**
 * How the fake answers for now:
 * - `ok`: like Resend;
 * - `fail`: every request gets `status` (500, 429 with `Retry-After: retryAfterSeconds`, …);
 * - `hang`: requests are held unanswered (the sender's timeout ends them);
 * - `accept-then-hang`: the email is accepted (delivered) but the answer never comes, as when a
 *   sender dies or times out after the provider took the message.
 */
export type FakeResendMode =
  | { kind: 'ok' }
  | { kind: 'fail'; status: number; retryAfterSeconds?: number }
  | { kind: 'hang' }
  | { kind: 'accept-then-hang' };

export type FakeResend = {
  /** Base URL for `RESEND_BASE_URL` / `new Resend(key, { baseUrl })`. */
  url: string;
  requests: FakeResendRequest[];
  /** Answer the next `n` requests with `status` (default 500) before succeeding again. */
  failNext(n: number, status?: number, body?: Record<string, unknown>, headers?: Record<string, string>): void;
  setMode(mode: FakeResendMode): void;
  /** Requests being held by `hang` / `accept-then-hang`. */
  hanging(): number;
  /** Requests that were accepted (2xx), replays included. */
  delivered(): FakeResendRequest[];
  /** Emails the provider sent: the first accepted request of each idempotency key (or each keyless one). */
  emails(): FakeResendRequest[];
  close(): Promise<void>;
};

/** Resend keeps an idempotency key for 24 hours. */
export const IDEMPOTENCY_TTL_MS = 24 * 60 * 60_000;

const payloadHash = (body: Record<string, unknown>) => createHash('sha256').update(JSON.stringify(body)).digest('hex');

/**
 * A stand-in for the Resend API on an ephemeral 127.0.0.1 port: `POST [/<sender>]/emails` answers
 * `{ id }`. Like Resend: an Idempotency-Key is remembered for 24 hours; a repeat with the same
 * payload gets the first answer back instead of a second email, a repeat with another payload gets
 * 409 `invalid_idempotent_request`; after 24 hours the key is forgotten. `clock` lets a test move
 * time on.
 */
export async function startFakeResend(opts: { failFirst?: number; failStatus?: number; clock?: () => number } = {}): Promise<FakeResend> {
  const now = opts.clock ?? Date.now;
  const requests: FakeResendRequest[] = [];
  const byKey = new Map<string, { id: string; hash: string; at: number }>();
  const held = new Set<http.ServerResponse>();
  let failures = opts.failFirst ?? 0;
  let failStatus = opts.failStatus ?? 500;
  let failBody: Record<string, unknown> | undefined;
  let failHeaders: Record<string, string> = {};
  let mode: FakeResendMode = { kind: 'ok' };

  const errorBody = (status: number, name: string, message: string) => ({ statusCode: status, name, message });

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      let body: Record<string, unknown> = {};
      try {
        body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
      } catch {
        // leave empty: recorded as sent
      }
      const idempotencyKey = req.headers['idempotency-key'] as string | undefined;
      const path = req.url ?? '';
      const sender = path.endsWith('/emails') ? path.slice(0, -'/emails'.length).replace(/^\//, '') : '';
      const record: FakeResendRequest = { method: req.method ?? '', path, headers: req.headers, idempotencyKey, body, status: 0, at: now(), sender, replay: false, held: false };
      requests.push(record);
      const answer = (status: number, payload: Record<string, unknown>, headers: Record<string, string> = {}) => {
        record.status = status;
        if (typeof payload.id === 'string') record.id = payload.id;
        res.writeHead(status, { 'content-type': 'application/json', ...headers });
        res.end(JSON.stringify(payload));
      };
      const hold = () => {
        held.add(res);
        record.held = true;
        res.on('close', () => {
          held.delete(res);
          record.held = false;
        });
      };
      if (req.method !== 'POST' || !path.endsWith('/emails')) return answer(404, errorBody(404, 'not_found', 'Not found'));
      if (failures > 0) {
        failures--;
        return answer(failStatus, failBody ?? errorBody(failStatus, 'internal_server_error', 'Simulated outage'), failHeaders);
      }
      if (mode.kind === 'fail') {
        const name = mode.status === 429 ? 'rate_limit_exceeded' : 'internal_server_error';
        const headers: Record<string, string> = mode.retryAfterSeconds !== undefined ? { 'retry-after': String(mode.retryAfterSeconds) } : {};
        return answer(mode.status, errorBody(mode.status, name, 'Simulated outage'), headers);
      }
      if (mode.kind === 'hang') return hold();

      const hash = payloadHash(body);
      if (idempotencyKey) {
        const known = byKey.get(idempotencyKey);
        if (known && now() - known.at < IDEMPOTENCY_TTL_MS) {
          if (known.hash !== hash) {
            return answer(409, errorBody(409, 'invalid_idempotent_request', 'Same idempotency key used with a different request payload.'));
          }
          record.replay = true;
          return answer(200, { id: known.id });
        }
      }
      const id = randomUUID();
      if (idempotencyKey) byKey.set(idempotencyKey, { id, hash, at: now() });
      if (mode.kind === 'accept-then-hang') {
        // Accepted: the email goes out, but its sender never hears so.
        record.status = 200;
        record.id = id;
        return hold();
      }
      return answer(200, { id });
    });
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const accepted = () => requests.filter((r) => r.status >= 200 && r.status < 300);

  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    failNext(n, status = 500, body, headers = {}) {
      failures = n;
      failStatus = status;
      failBody = body;
      failHeaders = headers;
    },
    setMode(next) {
      mode = next;
    },
    hanging: () => held.size,
    delivered: accepted,
    emails: () => accepted().filter((r) => !r.replay),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}

import { randomUUID } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export type FakeResendRequest = {
  method: string;
  path: string;
  headers: http.IncomingHttpHeaders;
  idempotencyKey: string | undefined;
  body: Record<string, unknown>;
  /** What the fake answered. */
  status: number;
  /** The message id answered to an accepted request. */
  id?: string;
};

export type FakeResend = {
  /** Base URL for `RESEND_BASE_URL` / `new Resend(key, { baseUrl })`. */
  url: string;
  requests: FakeResendRequest[];
  /** Answer the next `n` requests with `status` (default 500) before succeeding again. */
  failNext(n: number, status?: number, body?: Record<string, unknown>): void;
  /** Requests that were accepted (2xx), i.e. emails the "provider" would deliver. */
  delivered(): FakeResendRequest[];
  close(): Promise<void>;
};

/**
 * A stand-in for the Resend API on an ephemeral 127.0.0.1 port: `POST /emails` answers `{ id }`.
 * Like Resend, a repeated Idempotency-Key gets the first answer back instead of a second email.
 */
export async function startFakeResend(opts: { failFirst?: number; failStatus?: number } = {}): Promise<FakeResend> {
  const requests: FakeResendRequest[] = [];
  const byKey = new Map<string, string>();
  let failures = opts.failFirst ?? 0;
  let failStatus = opts.failStatus ?? 500;
  let failBody: Record<string, unknown> | undefined;

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
      const answer = (status: number, payload: Record<string, unknown>) => {
        const id = typeof payload.id === 'string' ? payload.id : undefined;
        requests.push({ method: req.method ?? '', path: req.url ?? '', headers: req.headers, idempotencyKey, body, status, id });
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(payload));
      };
      if (req.method !== 'POST' || req.url !== '/emails') {
        return answer(404, { statusCode: 404, name: 'not_found', message: 'Not found' });
      }
      if (failures > 0) {
        failures--;
        return answer(
          failStatus,
          failBody ?? { statusCode: failStatus, name: 'internal_server_error', message: 'Simulated outage' },
        );
      }
      const known = idempotencyKey ? byKey.get(idempotencyKey) : undefined;
      const id = known ?? randomUUID();
      if (idempotencyKey && !known) byKey.set(idempotencyKey, id);
      return answer(200, { id });
    });
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    failNext(n, status = 500, body) {
      failures = n;
      failStatus = status;
      failBody = body;
    },
    delivered: () => requests.filter((r) => r.status >= 200 && r.status < 300),
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}

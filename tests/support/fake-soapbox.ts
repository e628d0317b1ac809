import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { create } from 'xmlbuilder2';
import { cwcElementText, loadCwcSchema, validateCwcXml } from './cwc-schema';

// A stand-in for the Senate's SOAPBox CWC endpoint on an ephemeral 127.0.0.1 port, for tests only.
// It behaves as public sources describe the real one: the key in `?apikey=`, the body as
// application/xml (else 415), the message checked against the CWC schema (ours: tests/support/cwc),
// 201 Created on success, 400 with <Errors><Error>…</Error></Errors> naming what is wrong, 409 for a
// DeliveryId it already holds, and messages to offices that do not take part refused. What the real
// service answers to a bad key is not public: this fake says 401 in the same error shape. It can be
// told to fail: HTTP errors (with Retry-After), answers that never come, dropped connections, and a
// message accepted whose answer is lost (the case the stable DeliveryId exists for).

export type FakeSoapboxRequest = {
  method: string;
  path: string;
  apiKey: string | null;
  contentType: string | undefined;
  xml: string;
  status: number | 'hung' | 'dropped';
  deliveryId: string | null;
  officeCode: string | null;
  errors: string[];
};

type Failure =
  | { kind: 'status'; status: number; retryAfter?: string; body?: string; contentType?: string }
  | { kind: 'hang' }
  | { kind: 'drop' }
  | { kind: 'accept-then-drop' };

export type FakeSoapbox = {
  /** The messages endpoint, for CWC_BASE_URL. */
  url: string;
  apiKey: string;
  requests: FakeSoapboxRequest[];
  /** Messages the "Senate" holds, one per DeliveryId. */
  accepted(): { deliveryId: string; officeCode: string; xml: string }[];
  /** Answer the next `n` messages with `status` (default 500) before behaving again. */
  failNext(n: number, status?: number, opts?: { retryAfter?: string; body?: string; contentType?: string }): void;
  /** Never answer the next `n` (the client's timeout must fire). */
  hangNext(n: number): void;
  /** Close the connection without an answer for the next `n`. */
  dropNext(n: number): void;
  /** Accept the next `n` messages, then close the connection before answering. */
  acceptThenDropNext(n: number): void;
  /** Offices that refuse CWC messages (Senate participation is voluntary). */
  setInactiveOffices(codes: string[]): void;
  close(): Promise<void>;
};

const MAX_BODY = 1024 * 1024;

export async function startFakeSoapbox(opts: { apiKey?: string; path?: string; inactiveOffices?: string[] } = {}): Promise<FakeSoapbox> {
  await loadCwcSchema();
  const apiKey = opts.apiKey ?? 'fake-soapbox-key';
  const path = opts.path ?? '/api/testing-messages/';
  const requests: FakeSoapboxRequest[] = [];
  const held = new Map<string, { officeCode: string; xml: string }>();
  const queue: Failure[] = [];
  let inactive = new Set(opts.inactiveOffices ?? []);
  const hanging = new Set<http.ServerResponse>();

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size <= MAX_BODY) chunks.push(c);
    });
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://fake');
      const xml = Buffer.concat(chunks).toString('utf8');
      const record: FakeSoapboxRequest = {
        method: req.method ?? '',
        path: url.pathname,
        apiKey: url.searchParams.get('apikey'),
        contentType: req.headers['content-type'],
        xml,
        status: 0,
        deliveryId: null,
        officeCode: null,
        errors: [],
      };
      requests.push(record);
      const answer = (status: number, errors: string[] = [], headers: Record<string, string> = {}) => {
        record.status = status;
        record.errors = errors;
        const body = errors.length ? errorsXml(errors) : '';
        res.writeHead(status, { ...(body ? { 'content-type': 'application/xml; charset=utf-8' } : {}), ...headers });
        res.end(body);
      };

      if (url.pathname !== path) return answer(404, ['Not found']);
      if (req.method !== 'POST') return answer(405, ['Method not allowed'], { allow: 'POST' });
      const failure = queue.shift();
      if (failure?.kind === 'status') {
        record.status = failure.status;
        res.writeHead(failure.status, {
          ...(failure.retryAfter ? { 'retry-after': failure.retryAfter } : {}),
          'content-type': failure.contentType ?? 'text/plain',
        });
        return res.end(failure.body ?? 'Service temporarily unavailable');
      }
      if (failure?.kind === 'hang') {
        record.status = 'hung';
        hanging.add(res);
        return;
      }
      if (failure?.kind === 'drop') {
        record.status = 'dropped';
        return req.socket.destroy();
      }
      if (record.apiKey !== apiKey) return answer(401, ['Invalid or missing API key']);
      if (size > MAX_BODY) return answer(413, ['Message too large']);
      if ((req.headers['content-type'] ?? '').split(';')[0].trim() !== 'application/xml') {
        return answer(415, ['Content-Type must be application/xml']);
      }
      const invalid = validateCwcXml(xml);
      if (invalid.length) return answer(400, invalid);
      record.deliveryId = cwcElementText(xml, 'DeliveryId');
      record.officeCode = cwcElementText(xml, 'MemberOffice');
      if (inactive.has(record.officeCode!)) {
        return answer(400, [`Office ${record.officeCode} does not accept messages through CWC`]);
      }
      if (held.has(record.deliveryId!)) return answer(409, [`DeliveryId ${record.deliveryId} has already been received`]);
      held.set(record.deliveryId!, { officeCode: record.officeCode!, xml });
      if (failure?.kind === 'accept-then-drop') {
        record.status = 'dropped';
        return req.socket.destroy();
      }
      return answer(201);
    });
  });

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const push = (n: number, f: Failure) => {
    for (let i = 0; i < n; i++) queue.push(f);
  };

  return {
    url: `http://127.0.0.1:${port}${path}`,
    apiKey,
    requests,
    accepted: () => [...held].map(([deliveryId, m]) => ({ deliveryId, ...m })),
    failNext: (n, status = 500, o = {}) => push(n, { kind: 'status', status, ...o }),
    hangNext: (n) => push(n, { kind: 'hang' }),
    dropNext: (n) => push(n, { kind: 'drop' }),
    acceptThenDropNext: (n) => push(n, { kind: 'accept-then-drop' }),
    setInactiveOffices: (codes) => {
      inactive = new Set(codes);
    },
    close: () =>
      new Promise<void>((resolve, reject) => {
        for (const res of hanging) res.destroy();
        server.closeAllConnections();
        server.close((err) => (err ? reject(err) : resolve()));
      }),
  };
}

function errorsXml(errors: string[]): string {
  const doc = create({ version: '1.0', encoding: 'UTF-8' });
  const root = doc.ele('Errors');
  for (const e of errors) root.ele('Error').txt(e);
  return doc.end({ prettyPrint: true });
}

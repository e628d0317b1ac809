import { cwcConfig, type CwcConfig } from '@/lib/env';
import { classifyCwcResponse, type CwcSendResult } from './classify-cwc-response';
import type { CwcMessage } from './build-cwc-message';

export type { CwcSendResult } from './classify-cwc-response';

/** Well under the outbox lease (2 minutes), so a slow answer never outlives the claim on its row. */
export const CWC_TIMEOUT_MS = 20_000;
// An error page is read for its reasons, never a whole unexpected download.
const MAX_BODY_BYTES = 64 * 1024;

export type SendCwcOptions = {
  config?: CwcConfig;
  timeoutMs?: number;
  /** Tests inject a fetch; production uses the global one. */
  fetchImpl?: typeof fetch;
};

/**
 * POST one CWC message to the configured SOAPBox endpoint (CWC_BASE_URL, with the key as `?apikey=`,
 * as SOAPBox and EFF's client library do) and say what happened, for the outbox: accepted, rejected
 * for good (with the service's reasons), or retryable (server errors, 429 with Retry-After, timeouts,
 * network failures, a refused key). The same letter always carries the same DeliveryId, so a retry
 * after a lost answer gets 409 from the Senate, which counts as accepted. Never throws for an answer
 * or a network failure; throws only if the channel is off.
 */
export async function sendCwcMessage(message: Pick<CwcMessage, 'xml' | 'deliveryId'>, opts: SendCwcOptions = {}): Promise<CwcSendResult> {
  const config = opts.config ?? cwcConfig();
  if (!config) throw new Error('The CWC channel is off (no CWC_API_KEY): nothing should be sent through it.');
  const url = new URL(config.baseUrl);
  url.searchParams.set('apikey', config.apiKey);
  const doFetch = opts.fetchImpl ?? fetch;
  const { deliveryId } = message;
  const signal = AbortSignal.timeout(opts.timeoutMs ?? CWC_TIMEOUT_MS);

  try {
    const res = await doFetch(url, {
      method: 'POST',
      // Exactly application/xml: SOAPBox answers 415 to anything else. The XML declares its UTF-8.
      headers: { 'content-type': 'application/xml', accept: 'application/xml, application/json;q=0.9, */*;q=0.5' },
      body: new TextEncoder().encode(message.xml),
      // A redirected POST would carry the key to another address: treat it as a setting to fix.
      redirect: 'manual',
      signal,
    });
    const body = await readCapped(res);
    return classifyCwcResponse({ status: res.status, headers: res.headers, body, deliveryId });
  } catch (e) {
    const err = e as Error & { cause?: { code?: string; message?: string } };
    const timedOut = err.name === 'TimeoutError' || err.name === 'AbortError';
    const detail = timedOut ? `no answer within ${opts.timeoutMs ?? CWC_TIMEOUT_MS} ms` : (err.cause?.code ?? err.cause?.message ?? err.message);
    return {
      outcome: 'retryable',
      deliveryId,
      status: null,
      cause: timedOut ? 'timeout' : 'network',
      // Never echo the URL: it carries the key.
      reason: `Could not reach SOAPBox: ${redact(detail, config.apiKey)}`,
      retryAfterMs: null,
    };
  }
}

async function readCapped(res: Response): Promise<string> {
  if (!res.body) return '';
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  while (size < MAX_BODY_BYTES) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    size += value.byteLength;
  }
  await reader.cancel().catch(() => {});
  const all = new Uint8Array(Math.min(size, MAX_BODY_BYTES));
  let at = 0;
  for (const c of chunks) {
    const part = c.subarray(0, all.length - at);
    all.set(part, at);
    at += part.length;
  }
  return new TextDecoder().decode(all);
}

const redact = (s: string, key: string) => (key ? s.split(key).join('[key]') : s);

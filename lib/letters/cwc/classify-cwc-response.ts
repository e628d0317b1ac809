import { create } from 'xmlbuilder2';

// What an answer from SOAPBox means for the outbox. Known from public sources: success is
// 201 Created; a 400 body explains why a message was refused (the CWC validator answers
// <Errors><Error>…</Error></Errors>, which EFF's client library reads as one reason per <Error>);
// 409 means the DeliveryId was already received; 415 means the body was not sent as application/xml;
// SOAPBox has weekly maintenance windows with intermittent outages. Anything else is read liberally.

export type CwcRetryCause = 'server_error' | 'unavailable' | 'rate_limited' | 'timeout' | 'network' | 'unauthorized' | 'misconfigured';

export type CwcSendResult =
  | {
      outcome: 'accepted';
      deliveryId: string;
      status: number;
      /** 409: the Senate already had this DeliveryId, i.e. an earlier attempt got through. */
      duplicate: boolean;
      /** An id from the answer's body, if it carried one; the DeliveryId names the message either way. */
      reference: string | null;
    }
  | { outcome: 'rejected'; deliveryId: string; status: number; reasons: string[] }
  | {
      outcome: 'retryable';
      deliveryId: string;
      status: number | null;
      cause: CwcRetryCause;
      reason: string;
      /** From Retry-After, when the service said when to come back. */
      retryAfterMs: number | null;
    };

const MAX_REASONS = 10;
const MAX_REASON_LENGTH = 300;
const clean = (s: string) => s.replace(/\s+/g, ' ').trim().slice(0, MAX_REASON_LENGTH);

/** The reasons in an error body: each <Error> of an XML answer, a JSON error list, or the text. */
export function readCwcReasons(body: string, contentType: string | null): string[] {
  const trimmed = body.trim();
  if (!trimmed) return [];
  const unique = (list: string[]) => [...new Set(list.map(clean).filter(Boolean))].slice(0, MAX_REASONS);
  if (trimmed.startsWith('<')) {
    try {
      const doc = create(trimmed).node as unknown as Document;
      const errors = [...doc.getElementsByTagName('Error')].map((e) => e.textContent ?? '');
      if (errors.length) return unique(errors);
      return unique([doc.documentElement?.textContent ?? '']);
    } catch {
      // Not XML after all (an HTML error page, say): fall through to the text.
    }
  }
  if (contentType?.includes('json') || trimmed.startsWith('{') || trimmed.startsWith('[')) {
    try {
      return unique(jsonReasons(JSON.parse(trimmed)));
    } catch {
      // fall through
    }
  }
  return unique([trimmed.replace(/<[^>]*>/g, ' ')]);
}

function jsonReasons(v: unknown): string[] {
  if (typeof v === 'string') return [v];
  if (Array.isArray(v)) return v.flatMap(jsonReasons);
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    for (const key of ['errors', 'Errors', 'error', 'Error', 'message', 'detail']) {
      if (o[key] !== undefined) return jsonReasons(o[key]);
    }
  }
  return [];
}

/** Retry-After in milliseconds (delta-seconds or an HTTP date), or null. */
export function retryAfterMs(header: string | null, now = Date.now()): number | null {
  if (!header) return null;
  const value = header.trim();
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, at - now);
}

function referenceIn(body: string): string | null {
  try {
    const o = JSON.parse(body) as Record<string, unknown>;
    const id = o.id ?? o.messageId ?? o.message_id;
    return typeof id === 'string' || typeof id === 'number' ? String(id).slice(0, 100) : null;
  } catch {
    return null;
  }
}

export type CwcAnswer = { status: number; headers: Headers; body: string; deliveryId: string; now?: number };

/**
 * Sort an answer into accepted / rejected (never retried: the message itself is wrong) / retryable
 * (the service or our configuration is, and may be fixed). A refused key or a wrong endpoint is
 * retryable: the letter is fine, and marking every letter failed for a setting would lose them.
 */
export function classifyCwcResponse(a: CwcAnswer): CwcSendResult {
  const { status, deliveryId } = a;
  const reasons = () => readCwcReasons(a.body, a.headers.get('content-type'));
  const retry = (cause: CwcRetryCause, what: string): CwcSendResult => {
    const detail = reasons()[0];
    return {
      outcome: 'retryable',
      deliveryId,
      status,
      cause,
      reason: clean(`${what} (HTTP ${status})${detail ? `: ${detail}` : ''}`),
      retryAfterMs: retryAfterMs(a.headers.get('retry-after'), a.now),
    };
  };

  if (status >= 200 && status < 300) return { outcome: 'accepted', deliveryId, status, duplicate: false, reference: referenceIn(a.body) };
  if (status === 409) return { outcome: 'accepted', deliveryId, status, duplicate: true, reference: null };
  if (status === 401 || status === 403) return retry('unauthorized', 'SOAPBox refused the API key; check CWC_API_KEY');
  if (status === 404 || status === 405 || (status >= 300 && status < 400)) {
    const where = a.headers.get('location');
    return retry('misconfigured', `SOAPBox has no message endpoint at CWC_BASE_URL${where ? ` (it points to ${where.split('?')[0]})` : ''}`);
  }
  if (status === 408) return retry('timeout', 'SOAPBox timed out reading the message');
  if (status === 425 || status === 429) return retry('rate_limited', 'SOAPBox asked us to slow down');
  if (status === 502 || status === 503 || status === 504) return retry('unavailable', 'SOAPBox is unavailable');
  if (status >= 500) return retry('server_error', 'SOAPBox failed');
  const list = reasons();
  return { outcome: 'rejected', deliveryId, status, reasons: list.length ? list : [`SOAPBox refused the message (HTTP ${status})`] };
}

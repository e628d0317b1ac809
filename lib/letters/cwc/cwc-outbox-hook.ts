import { z } from 'zod';
import { registerOutboxHook } from '@/lib/email/hooks';
import { EmailSendError } from '@/lib/email/transports/types';
import { letterIdOf, markLetterDelivered, markLetterFailed, markLetterSent, requeueLetter } from '../outbox-hooks';
import { notifyLetterFailed } from '../notify-letter-failed';
import { CWC_OUTBOX_TEMPLATE } from './enqueue-cwc-letter';
import { sendCwcMessage, type SendCwcOptions } from './send-cwc-message';

const CwcRowProps = z.object({ letterId: z.uuid(), officeCode: z.string(), deliveryId: z.string().regex(/^[0-9a-f]{32}$/), xml: z.string().min(1) });

/**
 * CWC messages ride the outbox like mail: the drainer claims the row, this hook posts the XML to
 * SOAPBox, and the answer decides the row's fate — accepted (201, or 409 = the Senate already holds
 * this DeliveryId) → sent; refused → failed at once with the service's reasons, which the ledger
 * shows; an outage, a rate limit or a settings problem → retried with backoff (at least Retry-After).
 * The letter follows its row through the same hooks as office email.
 */
export function registerCwcOutboxHook(opts: Pick<SendCwcOptions, 'fetchImpl' | 'timeoutMs'> = {}): void {
  registerOutboxHook(CWC_OUTBOX_TEMPLATE, {
    deliver: async (row) => {
      const props = CwcRowProps.safeParse(row.props);
      // A forgotten supporter's row has empty props: nothing to send, and nothing to retry.
      if (!props.success) throw new EmailSendError('This CWC message has no content to send (erased or malformed)', { permanent: true });
      const { xml, deliveryId, officeCode } = props.data;
      const result = await sendCwcMessage({ xml, deliveryId }, opts);
      if (result.outcome === 'accepted') {
        return {
          id: result.reference ?? deliveryId,
          transport: 'cwc',
          subject: `CWC message ${deliveryId} to ${officeCode}${result.duplicate ? ' (already held by the Senate)' : ''}`,
          text: xml,
        };
      }
      if (result.outcome === 'rejected') {
        throw new EmailSendError(`Refused by the Senate's CWC service (HTTP ${result.status}): ${result.reasons.join('; ')}`, { permanent: true, status: result.status });
      }
      // Capped like Resend's (6 h), so a bogus header cannot park a letter for long.
      const retryAfterMs = result.retryAfterMs === null ? undefined : Math.min(result.retryAfterMs, 6 * 60 * 60_000);
      throw new EmailSendError(result.reason, { permanent: false, status: result.status ?? undefined, retryAfterMs });
    },
    onSent: async (tx, row) => {
      const id = letterIdOf(row.props);
      // A CWC acceptance is delivery: the message is in the Senate's system for the office.
      if (id) {
        await markLetterSent(tx, id);
        await markLetterDelivered(tx, id);
      }
    },
    onFailed: async (tx, row, reason) => {
      const id = letterIdOf(row.props);
      if (id && (await markLetterFailed(tx, id, reason))) await notifyLetterFailed(tx, id);
    },
    onRequeued: async (tx, row) => {
      const id = letterIdOf(row.props);
      if (id) await requeueLetter(tx, id);
    },
  });
}

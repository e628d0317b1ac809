import 'server-only';
import type { DbOrTx } from '@/db/client';
import { enqueueDelivery } from '@/lib/email/enqueue';
import { cwcConfig } from '@/lib/env';
import { buildCwcMessage, CwcMessageError, type CwcLetterInput } from './build-cwc-message';
import type { CwcProOrConValue } from './schemas';

/** The outbox kind of a CWC message; its hook (cwc-outbox-hook.ts) posts it to SOAPBox. */
export const CWC_OUTBOX_TEMPLATE = 'cwc-letter';

export type CwcOutboxProps = { letterId: string; officeCode: string; deliveryId: string; xml: string };

export type EnqueueCwcResult = { queued: true; outboxId: string | null; officeCode: string } | { queued: false; problems: string[] };

/**
 * Build a confirmed letter's CWC message now (so a letter that cannot be one — no street address,
 * say, because it was written before the channel was switched on — falls back to the next route at
 * once instead of failing later) and queue it in the caller's transaction. Idempotent per letter:
 * the key is the message's DeliveryId, which is the letter's own id.
 */
export async function enqueueCwcLetter(
  tx: DbOrTx,
  input: Omit<CwcLetterInput, 'delivery' | 'campaign'> & { campaign: { id: string; topic: string; proOrCon: CwcProOrConValue; organisationName: string; organisationContactEmail: string | null } },
): Promise<EnqueueCwcResult> {
  const config = cwcConfig();
  if (!config) return { queued: false, problems: ['The CWC channel is off'] };
  let message;
  try {
    message = buildCwcMessage({
      ...input,
      campaign: {
        id: input.campaign.id,
        topic: input.campaign.topic,
        proOrCon: input.campaign.proOrCon,
        organisation: { name: input.campaign.organisationName, contactEmail: input.campaign.organisationContactEmail },
      },
      delivery: config,
    });
  } catch (e) {
    if (e instanceof CwcMessageError) return { queued: false, problems: e.problems };
    throw e;
  }
  const props: CwcOutboxProps = { letterId: input.letter.id, officeCode: message.officeCode, deliveryId: message.deliveryId, xml: message.xml };
  const outboxId = await enqueueDelivery(tx, {
    template: CWC_OUTBOX_TEMPLATE,
    to: message.officeCode,
    props,
    idempotencyKey: `cwc:${message.deliveryId}`,
  });
  return { queued: true, outboxId, officeCode: message.officeCode };
}

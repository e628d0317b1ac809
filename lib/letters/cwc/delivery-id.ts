import { createHash } from 'node:crypto';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The CWC DeliveryId of a letter: 32 letters or digits, the same on every retry. The Senate answers a
 * DeliveryId it already has with 409 Conflict, so a retry after a lost answer cannot deliver a letter
 * twice, and the ledger can name the message the Senate holds. The letter's UUID without its dashes
 * is exactly 32 hex digits. `generation` > 0 is for a deliberate resend of a letter the Senate
 * refused (after staff fixed the cause), which must not collide with the refused id.
 */
export function cwcDeliveryId(letterId: string, generation = 0): string {
  if (!UUID.test(letterId)) throw new Error(`not a letter id: ${letterId}`);
  if (!Number.isInteger(generation) || generation < 0) throw new Error(`bad generation: ${generation}`);
  if (generation === 0) return letterId.replace(/-/g, '').toLowerCase();
  return createHash('sha256').update(`${letterId.toLowerCase()}:${generation}`).digest('hex').slice(0, 32);
}

/** The CWC CampaignId of a campaign: its UUID as 32 hex digits, so offices can group its letters. */
export function cwcCampaignId(campaignId: string): string {
  if (!UUID.test(campaignId)) throw new Error(`not a campaign id: ${campaignId}`);
  return campaignId.replace(/-/g, '').toLowerCase();
}

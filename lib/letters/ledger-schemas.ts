import { z } from 'zod';

export const CampaignScopeInput = z.object({ campaignId: z.uuid('Choose a campaign from the list.') });
export type CampaignScopeInput = z.input<typeof CampaignScopeInput>;

export const GetDeliveryPacketInput = z.object({
  campaignId: z.uuid('Unknown campaign.'),
  senatorId: z.string().trim().regex(/^[A-Z][0-9]{6}$/, 'Unknown senator.'),
});
export type GetDeliveryPacketInput = z.input<typeof GetDeliveryPacketInput>;

export const RetryLetterInput = z.object({ letterId: z.uuid('Unknown letter.') });
export type RetryLetterInput = z.input<typeof RetryLetterInput>;

export type LetterStatusCounts = {
  pending_confirmation: number;
  queued: number;
  sent: number;
  self_send: number;
  failed: number;
  total: number;
};

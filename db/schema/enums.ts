import { pgEnum } from 'drizzle-orm/pg-core';

// The US path of a treaty: signed by the President, transmitted to the Senate, referred to Foreign
// Relations, reported, given advice and consent (67 votes), then ratified by deposit of the instrument.
export const treatyStage = pgEnum('treaty_stage', [
  'adopted',
  'signed',
  'transmitted',
  'in_committee',
  'reported',
  'consented',
  'ratified',
  'withdrawn',
]);

export const campaignStatus = pgEnum('campaign_status', ['draft', 'live', 'closed']);
export const signerVisibility = pgEnum('signer_visibility', ['hidden', 'first_name_state', 'full_name_state']);
export const deliveryMode = pgEnum('delivery_mode', ['office', 'coalition_inbox', 'supporter']);
export const commentStatus = pgEnum('comment_status', ['none', 'pending', 'approved', 'hidden']);

export const letterStatus = pgEnum('letter_status', [
  'pending_confirmation',
  'queued',
  'sent',
  'self_send',
  'failed',
]);
export const letterChannel = pgEnum('letter_channel', ['office_email', 'coalition_inbox', 'supporter']);

// Whether a CWC message supports or opposes what it is about (the Senate's ProOrCon element).
export const cwcProOrCon = pgEnum('cwc_pro_or_con', ['pro', 'con']);

export const outboxStatus = pgEnum('outbox_status', ['queued', 'sending', 'sent', 'failed']);

export const staffRole = pgEnum('staff_role', ['owner', 'admin', 'editor', 'analyst', 'viewer']);

export const senatorStance = pgEnum('senator_stance', [
  'unknown',
  'champion',
  'supports',
  'leaning_yes',
  'undecided',
  'leaning_no',
  'opposes',
]);

export const tokenPurpose = pgEnum('token_purpose', ['confirm_signature', 'confirm_letters', 'unsubscribe']);

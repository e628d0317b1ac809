// The values of every database enum, in one place: db/schema/enums.ts builds the Postgres enums
// from these, and option lists, zod schemas and labels elsewhere import them (client code too —
// this file has no imports, so it costs a form nothing). Adding a value here needs a migration.

// The US path of a treaty: signed by the President, transmitted to the Senate, referred to Foreign
// Relations, reported, given advice and consent (two-thirds of senators present), then ratified by
// deposit of the instrument. The floor vote is its own step; a treaty still pending when a Congress
// ends goes back to the committee (Senate Rule XXX), recorded as `returned_to_committee`.
export const TREATY_STAGES = [
  'adopted',
  'signed',
  'transmitted',
  'in_committee',
  'reported',
  'floor_vote',
  'consented',
  'ratified',
  'withdrawn',
  'returned_to_committee',
] as const;

export const CAMPAIGN_STATUSES = ['draft', 'live', 'closed'] as const;
export const SIGNER_VISIBILITIES = ['hidden', 'first_name_state', 'full_name_state'] as const;
export const DELIVERY_MODES = ['office', 'coalition_inbox', 'supporter'] as const;
export const COMMENT_STATUSES = ['none', 'pending', 'approved', 'hidden'] as const;
export const LETTER_STATUSES = ['pending_confirmation', 'queued', 'sent', 'self_send', 'failed'] as const;
// `cwc`: through the Senate's Communicating with Congress service (lib/letters/cwc).
export const LETTER_CHANNELS = ['office_email', 'coalition_inbox', 'supporter', 'cwc'] as const;
export const OUTBOX_STATUSES = ['queued', 'sending', 'sent', 'failed'] as const;
// What the mail provider reports after accepting a message (Resend webhooks).
export const EMAIL_EVENT_TYPES = ['delivered', 'delayed', 'bounced', 'complained'] as const;
// Why an address gets no more mail: a hard bounce (nothing at all) or a spam complaint (no campaign mail).
export const SUPPRESSION_REASONS = ['hard_bounce', 'complaint'] as const;
// An update to a campaign's supporters: written, waiting for its time, being enqueued, all enqueued, stopped.
export const UPDATE_STATUSES = ['draft', 'scheduled', 'sending', 'sent', 'cancelled'] as const;
// `partner`: staff of one partner organisation (users.organisation_id), who see only that organisation's data.
export const STAFF_ROLES = ['owner', 'admin', 'editor', 'analyst', 'viewer', 'partner'] as const;
export const SENATOR_STANCES = ['unknown', 'champion', 'supports', 'leaning_yes', 'undecided', 'leaning_no', 'opposes'] as const;
// A supporter's call to a senator's office: how far they got, and what the office said.
export const CALL_OUTCOMES = ['reached_staff', 'voicemail', 'busy'] as const;
export const CALL_RESPONSES = ['supports', 'undecided', 'opposes', 'no_answer'] as const;
export const CALL_REVIEW_STATUSES = ['pending', 'stance_recorded', 'dismissed'] as const;
export const CWC_PRO_OR_CON = ['pro', 'con'] as const;
// The coalition running the instance (one host) and the partner organisations that co-sponsor campaigns.
export const ORGANISATION_KINDS = ['host', 'partner'] as const;
// How a consent was given: the site's own forms, a partner's embedded widget, or the OSDI API.
export const CONSENT_METHODS = ['form', 'embed', 'api'] as const;
// What an OSDI API key may do: read, or also record signatures and outreaches.
export const API_KEY_SCOPES = ['read', 'read_write'] as const;
export const TOKEN_PURPOSES = ['confirm_signature', 'confirm_letters', 'unsubscribe'] as const;

export type TreatyStageValue = (typeof TREATY_STAGES)[number];
export type CampaignStatus = (typeof CAMPAIGN_STATUSES)[number];
export type SignerVisibility = (typeof SIGNER_VISIBILITIES)[number];
export type DeliveryMode = (typeof DELIVERY_MODES)[number];
export type LetterStatus = (typeof LETTER_STATUSES)[number];
export type LetterChannelValue = (typeof LETTER_CHANNELS)[number];
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];
export type EmailEventType = (typeof EMAIL_EVENT_TYPES)[number];
export type SuppressionReason = (typeof SUPPRESSION_REASONS)[number];
export type UpdateStatus = (typeof UPDATE_STATUSES)[number];
export type StaffRole = (typeof STAFF_ROLES)[number];
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];
export type ConsentMethod = (typeof CONSENT_METHODS)[number];
export type ApiKeyScope = (typeof API_KEY_SCOPES)[number];
export type Stance = (typeof SENATOR_STANCES)[number];
export type CallOutcome = (typeof CALL_OUTCOMES)[number];
export type CallResponse = (typeof CALL_RESPONSES)[number];
export type CallReviewStatus = (typeof CALL_REVIEW_STATUSES)[number];

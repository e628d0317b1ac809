import { pgEnum } from 'drizzle-orm/pg-core';
import {
  API_KEY_SCOPES,
  CALL_OUTCOMES,
  CALL_RESPONSES,
  CALL_REVIEW_STATUSES,
  CAMPAIGN_STATUSES,
  CONSENT_METHODS,
  COMMENT_STATUSES,
  CWC_PRO_OR_CON,
  DELIVERY_MODES,
  EMAIL_EVENT_TYPES,
  LETTER_CHANNELS,
  LETTER_STATUSES,
  ORGANISATION_KINDS,
  OUTBOX_STATUSES,
  SENATOR_STANCES,
  SIGNER_VISIBILITIES,
  STAFF_ROLES,
  SUPPRESSION_REASONS,
  TOKEN_PURPOSES,
  TREATY_STAGES,
  UPDATE_STATUSES,
} from './enum-values';

// The Postgres enums, built from the value lists in enum-values.ts (which the rest of the app imports).
export const treatyStage = pgEnum('treaty_stage', TREATY_STAGES);
export const campaignStatus = pgEnum('campaign_status', CAMPAIGN_STATUSES);
export const signerVisibility = pgEnum('signer_visibility', SIGNER_VISIBILITIES);
export const deliveryMode = pgEnum('delivery_mode', DELIVERY_MODES);
export const commentStatus = pgEnum('comment_status', COMMENT_STATUSES);
export const letterStatus = pgEnum('letter_status', LETTER_STATUSES);
export const letterChannel = pgEnum('letter_channel', LETTER_CHANNELS);
export const outboxStatus = pgEnum('outbox_status', OUTBOX_STATUSES);
export const staffRole = pgEnum('staff_role', STAFF_ROLES);
export const senatorStance = pgEnum('senator_stance', SENATOR_STANCES);
export const callOutcome = pgEnum('call_outcome', CALL_OUTCOMES);
export const callResponse = pgEnum('call_response', CALL_RESPONSES);
export const callReviewStatus = pgEnum('call_review_status', CALL_REVIEW_STATUSES);
export const tokenPurpose = pgEnum('token_purpose', TOKEN_PURPOSES);
// Whether a CWC message supports or opposes what it is about (the Senate's ProOrCon element).
export const cwcProOrCon = pgEnum('cwc_pro_or_con', CWC_PRO_OR_CON);
export const organisationKind = pgEnum('organisation_kind', ORGANISATION_KINDS);
export const consentMethod = pgEnum('consent_method', CONSENT_METHODS);
export const apiKeyScope = pgEnum('api_key_scope', API_KEY_SCOPES);
export const emailEventType = pgEnum('email_event_type', EMAIL_EVENT_TYPES);
export const suppressionReason = pgEnum('suppression_reason', SUPPRESSION_REASONS);
export const updateStatus = pgEnum('update_status', UPDATE_STATUSES);

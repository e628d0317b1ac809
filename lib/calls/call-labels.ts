import type { CallOutcome, CallResponse } from '@/db/schema/enum-values';

// Client-safe: the report form's options and the review queue's words.
export const CALL_OUTCOME_LABELS: Record<CallOutcome, string> = {
  reached_staff: 'I spoke to a staff member',
  voicemail: 'I left a voicemail',
  busy: 'The line was busy',
};
export const CALL_RESPONSE_LABELS: Record<CallResponse, string> = {
  supports: 'The senator supports it',
  undecided: 'The senator is undecided',
  opposes: 'The senator opposes it',
  no_answer: 'No answer on where they stand',
};

// DTOs shared by the services, the server actions and the client components: no server-only.
import type { SelfSendLinks } from './self-send-links';

export type LetterStatus = 'pending_confirmation' | 'queued' | 'sent' | 'self_send' | 'failed';
export type LetterChannel = 'office_email' | 'coalition_inbox' | 'supporter' | 'cwc';

/** One letter as its writer sees it. Never carries a staff-set delivery address. */
export type LetterDelivery = {
  letterId: string;
  senatorId: string;
  senatorName: string;
  status: LetterStatus;
  channel: LetterChannel | null;
  subject: string;
  body: string;
  /** Present when the supporter sends it (self_send), or when office delivery failed. */
  selfSend?: SelfSendLinks;
  /** With selfSend: the "I sent it" page for this letter (a path; token-protected). */
  sentItPath?: string;
};

export type SendLettersResult =
  /** Held until the writer confirms by email: all an unconfirmed browser is ever told. */
  | { kind: 'confirm_email'; email: string; senatorNames: string[] }
  | { kind: 'delivered'; letters: LetterDelivery[]; alreadyWrittenNames: string[] }
  | { kind: 'already_written'; senatorNames: string[] };

import { z } from 'zod';
import type { DeliveryMode } from '@/db/schema/enum-values';
import { cwcOfficeOf } from '@/lib/senators/cwc-office-code';
import type { LetterChannel } from './types';

const Email = z.email().max(254);
/** A staff-typed address that can really be mailed, trimmed; else null. */
export const usableEmail = (v: string | null | undefined) => (v && Email.safeParse(v.trim()).success ? v.trim() : null);

export type RouteSenator = {
  state: string;
  senateClass: number | null;
  cwcOfficeCode: string | null;
  cwcEnabled: boolean;
  deliveryEmail: string | null;
};

export type LetterRoute =
  | { channel: 'cwc'; to: string; officeCode: string; codeSource: 'override' | 'roster' }
  | { channel: Exclude<LetterChannel, 'cwc' | 'supporter'>; to: string }
  | { channel: 'supporter'; to: null };

/**
 * Where a campaign's letter to one senator goes, first match wins:
 *  1. the Senate's CWC service, when the channel is on (CWC_API_KEY), staff have not turned it off for
 *     this office, and the office has a code (the roster's seat or staff's override);
 *  2. the office address staff set for the senator;
 *  3. the coalition's delivery inbox (for hand delivery);
 *  4. the supporter sends it themselves.
 * A campaign set to hand delivery (`coalition_inbox`) starts at 3; one set to `supporter` goes to 4.
 * Shared by delivery and by the staff page that shows each senator's route, so the two never differ.
 */
export function routeLetter(r: { cwcOn: boolean; mode: DeliveryMode; senator: RouteSenator; inbox: string | null; skipCwc?: boolean }): LetterRoute {
  const inbox = usableEmail(r.inbox);
  if (r.mode === 'office') {
    const office = cwcOfficeOf(r.senator);
    if (r.cwcOn && !r.skipCwc && office.enabled && office.code && office.source) {
      return { channel: 'cwc', to: office.code, officeCode: office.code, codeSource: office.source };
    }
    const email = usableEmail(r.senator.deliveryEmail);
    if (email) return { channel: 'office_email', to: email };
  }
  if (r.mode !== 'supporter' && inbox) return { channel: 'coalition_inbox', to: inbox };
  return { channel: 'supporter', to: null };
}

export const ROUTE_LABELS: Record<LetterChannel, string> = {
  cwc: 'Senate CWC service',
  office_email: 'Office email',
  coalition_inbox: 'Coalition inbox (hand delivery)',
  supporter: 'Writer sends it themselves',
};

import { SENATE_OFFICE_CODE } from '@/lib/letters/cwc/schemas';

// The Senate's CWC service names an office by its seat, not its senator: S, the state's two letters,
// and the seat's Senate class as two digits (class 1 → 01 … class 3 → 03), so a successor in the seat
// keeps the code. Evidence: the Senate's own list of participating offices (SOAPBox "active offices",
// as mirrored in Climate Changemakers' open-source repository in April 2023) gives SCA03 for Alex
// Padilla (class 3), SMN01 for Amy Klobuchar (class 1) and SNM02 for Ben Ray Luján (class 2); all 48
// offices listed there follow the rule. (EFF's older Phantom of the Capitol wrote class − 1, 00–02;
// the Senate's list shows that is not the convention in use.) Two senators of a state always sit in
// different classes, so the codes are unique. Staff can override a code per senator.

export type CwcOffice = {
  /** The code messages go to, or null when the roster lacks the senator's class and staff set none. */
  code: string | null;
  source: 'override' | 'roster' | null;
  /** Staff's per-office switch: false = never send this office's letters through CWC. */
  enabled: boolean;
};

/** The code the roster implies for a senator's seat, or null without a valid class. */
export function deriveCwcOfficeCode(senator: { state: string; senateClass: number | null }): string | null {
  const { state, senateClass } = senator;
  if (!senateClass || ![1, 2, 3].includes(senateClass) || !/^[A-Z]{2}$/.test(state)) return null;
  return `S${state}${String(senateClass).padStart(2, '0')}`;
}

/** Where a senator's CWC messages go: the staff override when set, else the roster's seat code. */
export function cwcOfficeOf(senator: {
  state: string;
  senateClass: number | null;
  cwcOfficeCode: string | null;
  cwcEnabled: boolean;
}): CwcOffice {
  const override = senator.cwcOfficeCode?.trim();
  if (override && SENATE_OFFICE_CODE.test(override)) return { code: override, source: 'override', enabled: senator.cwcEnabled };
  const derived = deriveCwcOfficeCode(senator);
  return { code: derived, source: derived ? 'roster' : null, enabled: senator.cwcEnabled };
}

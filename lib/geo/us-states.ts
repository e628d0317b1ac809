// The 50 states, DC and the five inhabited territories with a ZIP code. Only states elect senators;
// DC and the territories each elect one non-voting member of the House (a Delegate, or for Puerto Rico
// the Resident Commissioner). No `server-only`: the state picker renders this list on the client too.
export type UsStateKind = 'state' | 'district' | 'territory';

export type UsState = {
  code: string;
  name: string;
  kind: UsStateKind;
  votingSenators: boolean;
  /** Title of the non-voting House member for DC and the territories. */
  houseDelegateTitle?: 'Delegate' | 'Resident Commissioner';
};

const state = (code: string, name: string): UsState => ({ code, name, kind: 'state', votingSenators: true });

export const US_STATES: readonly UsState[] = [
  state('AL', 'Alabama'), state('AK', 'Alaska'), state('AZ', 'Arizona'), state('AR', 'Arkansas'),
  state('CA', 'California'), state('CO', 'Colorado'), state('CT', 'Connecticut'), state('DE', 'Delaware'),
  state('FL', 'Florida'), state('GA', 'Georgia'), state('HI', 'Hawaii'), state('ID', 'Idaho'),
  state('IL', 'Illinois'), state('IN', 'Indiana'), state('IA', 'Iowa'), state('KS', 'Kansas'),
  state('KY', 'Kentucky'), state('LA', 'Louisiana'), state('ME', 'Maine'), state('MD', 'Maryland'),
  state('MA', 'Massachusetts'), state('MI', 'Michigan'), state('MN', 'Minnesota'), state('MS', 'Mississippi'),
  state('MO', 'Missouri'), state('MT', 'Montana'), state('NE', 'Nebraska'), state('NV', 'Nevada'),
  state('NH', 'New Hampshire'), state('NJ', 'New Jersey'), state('NM', 'New Mexico'), state('NY', 'New York'),
  state('NC', 'North Carolina'), state('ND', 'North Dakota'), state('OH', 'Ohio'), state('OK', 'Oklahoma'),
  state('OR', 'Oregon'), state('PA', 'Pennsylvania'), state('RI', 'Rhode Island'), state('SC', 'South Carolina'),
  state('SD', 'South Dakota'), state('TN', 'Tennessee'), state('TX', 'Texas'), state('UT', 'Utah'),
  state('VT', 'Vermont'), state('VA', 'Virginia'), state('WA', 'Washington'), state('WV', 'West Virginia'),
  state('WI', 'Wisconsin'), state('WY', 'Wyoming'),
  { code: 'DC', name: 'District of Columbia', kind: 'district', votingSenators: false, houseDelegateTitle: 'Delegate' },
  { code: 'PR', name: 'Puerto Rico', kind: 'territory', votingSenators: false, houseDelegateTitle: 'Resident Commissioner' },
  { code: 'GU', name: 'Guam', kind: 'territory', votingSenators: false, houseDelegateTitle: 'Delegate' },
  { code: 'VI', name: 'U.S. Virgin Islands', kind: 'territory', votingSenators: false, houseDelegateTitle: 'Delegate' },
  { code: 'AS', name: 'American Samoa', kind: 'territory', votingSenators: false, houseDelegateTitle: 'Delegate' },
  { code: 'MP', name: 'Northern Mariana Islands', kind: 'territory', votingSenators: false, houseDelegateTitle: 'Delegate' },
];

const byCode = new Map(US_STATES.map((s) => [s.code, s]));

/** The 50 codes whose senators vote: what a complete roster must cover. */
export const SENATE_STATE_CODES: readonly string[] = US_STATES.filter((s) => s.votingSenators).map((s) => s.code);

export function getUsState(code: string): UsState | undefined {
  return byCode.get(code.trim().toUpperCase());
}

export function isUsStateCode(code: string): boolean {
  return byCode.has(code.trim().toUpperCase());
}

export function stateName(code: string): string {
  return getUsState(code)?.name ?? code;
}

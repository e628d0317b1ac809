import { z } from 'zod';
import { US_STATES } from '@/lib/geo/us-states';

// The rules of the Senate's Communicating with Congress (CWC 2.0) XML message, in one place. Client-safe:
// the letter form offers the prefixes, staff forms the topics.
//
// Where they come from (the Senate publishes its schema only to approved delivery agents, through
// SOAPBox): the element names and their order follow EFF's open-source CWC client library (its
// message builder and its tests) and the CWC 2.0 sample message reproduced in an older open-source
// Ruby CWC gem; the value rules (prefixes, length bounds, patterns) are those a public delivery-agent
// client transcribed from the Senate's schema (its RelaxNG file for incoming 2.0 messages) and from
// the Senate's onboarding notes. Where those sources disagree we say so beside the rule.

export const CWC_VERSION = '2.0';

/**
 * The Library of Congress policy areas CWC accepts, exactly as spelled (32 of them). EFF's client
 * library, Climate Changemakers' production client and the schema transcription list the same 32.
 * A treaty is foreign relations, and of these areas "International Affairs" is the one for diplomacy
 * and international agreements: the default for a new campaign, which staff can change.
 */
export const CWC_TOPICS = [
  'Agriculture and Food',
  'Animals',
  'Armed Forces and National Security',
  'Arts, Culture, Religion',
  'Civil Rights and Liberties, Minority Issues',
  'Commerce',
  'Congress',
  'Crime and Law Enforcement',
  'Economics and Public Finance',
  'Education',
  'Emergency Management',
  'Energy',
  'Environmental Protection',
  'Families',
  'Finance and Financial Sector',
  'Foreign Trade and International Finance',
  'Government Operations and Politics',
  'Health',
  'Housing and Community Development',
  'Immigration',
  'International Affairs',
  'Labor and Employment',
  'Law',
  'Native Americans',
  'Public Lands and Natural Resources',
  'Science, Technology, Communications',
  'Social Sciences and History',
  'Social Welfare',
  'Sports and Recreation',
  'Taxation',
  'Transportation and Public Works',
  'Water Resources Development',
] as const;
export type CwcTopicName = (typeof CWC_TOPICS)[number];
export const DEFAULT_CWC_TOPIC: CwcTopicName = 'International Affairs';
export const CwcTopic = z.enum(CWC_TOPICS, { error: 'Choose a topic from the Library of Congress list.' });

/**
 * The Senate accepts only these five titles in <Prefix>, which is required (EFF's library and
 * Climate Changemakers' client both treat it as required; the latter offers exactly these five).
 */
export const CWC_PREFIXES = ['Mr.', 'Mrs.', 'Ms.', 'Miss', 'Dr.'] as const;
export type CwcPrefixName = (typeof CWC_PREFIXES)[number];
export const CwcPrefix = z.enum(CWC_PREFIXES, { error: 'Choose one of the titles in the list.' });

export const CWC_PRO_OR_CON = ['pro', 'con'] as const;
export const CwcProOrCon = z.enum(CWC_PRO_OR_CON, { error: 'Choose whether the letters support or oppose.' });
export type CwcProOrConValue = z.infer<typeof CwcProOrCon>;

/** Length bounds from the schema transcription, in characters (code points, as XML Schema counts). */
export const CWC_LIMITS = {
  subjectMin: 6,
  subjectMax: 500,
  // OrganizationStatement and ConstituentMessage alike.
  messageMin: 6,
  messageMax: 10_000,
  organizationMin: 3,
  organizationContactNameMin: 2,
  organizationAboutMin: 6,
  organizationAboutMax: 500,
  deliveryAgentContactNameMin: 6,
} as const;

/** The schema's email pattern (whole value): something, @, a label, a dot, something. */
export const CWC_EMAIL = /^[^@]+@[^.]+\..+$/;
/** Phones are written xxx-xxx-xxxx (EFF's library documents this for the delivery agent's phone). */
export const CWC_PHONE = /^\d{3}-\d{3}-\d{4}$/;
export const CWC_ZIP = /^\d{5}(-\d{4})?$/;
/** DeliveryId: 32 letters or digits; DeliveryDate: YYYYMMDD. */
export const CWC_DELIVERY_ID = /^[a-zA-Z0-9]{32}$/;
export const CWC_DELIVERY_DATE = /^\d{8}$/;
/** Senate offices: S, the state, two digits (see lib/senators/cwc-office-code.ts). */
export const SENATE_OFFICE_CODE = /^S[A-Z]{2}\d{2}$/;

/** <StateAbbreviation> accepts the states, DC and the inhabited territories. */
export const CWC_STATE_CODES: readonly string[] = US_STATES.map((s) => s.code);

export const charCount = (s: string) => [...s].length;

/** A staff change to how CWC files a campaign's letters. */
export const UpdateCampaignCwcInput = z.object({
  campaignId: z.uuid({ error: 'Unknown campaign.' }),
  topic: CwcTopic,
  proOrCon: CwcProOrCon,
});
export type UpdateCampaignCwcInput = z.input<typeof UpdateCampaignCwcInput>;

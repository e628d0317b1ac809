import { create } from 'xmlbuilder2';
import type { XMLBuilder } from 'xmlbuilder2/lib/interfaces';
import type { CwcConfig } from '@/lib/env';
import { cwcOfficeOf } from '@/lib/senators/cwc-office-code';
import { CwcMessageFields } from './cwc-message-fields';
import { cwcCampaignId, cwcDeliveryId } from './delivery-id';
import { CWC_EMAIL, CWC_LIMITS, CWC_VERSION, charCount, type CwcProOrConValue } from './schemas';

export type CwcLetterInput = {
  letter: { id: string; subject: string; body: string };
  constituent: {
    prefix: string | null;
    firstName: string;
    lastName: string;
    street: string | null;
    city: string | null;
    state: string | null;
    zip: string | null;
    email: string | null;
    emailVerified: boolean;
  };
  senator: { state: string; senateClass: number | null; cwcOfficeCode: string | null; cwcEnabled: boolean };
  campaign: {
    id: string;
    topic: string;
    proOrCon: CwcProOrConValue | null;
    organisation: { name: string; contactEmail?: string | null; about?: string | null } | null;
  };
  delivery: Pick<CwcConfig, 'deliveryAgent' | 'deliveryAgentAckEmail' | 'contactName' | 'contactEmail' | 'contactPhone'>;
  /** 0 for the letter's first message; see cwcDeliveryId. */
  generation?: number;
  now?: Date;
};

export type CwcMessage = { xml: string; deliveryId: string; officeCode: string };

/** The letter cannot become a valid CWC message; `problems` say why, for the ledger. Never retried. */
export class CwcMessageError extends Error {
  constructor(readonly problems: string[]) {
    super(`Not a valid CWC message: ${problems.join('; ')}`);
    this.name = 'CwcMessageError';
  }
}

/** YYYYMMDD in the Senate's time zone. */
function deliveryDate(now: Date): string {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone: 'America/New_York', year: 'numeric', month: '2-digit', day: '2-digit' }).formatToParts(now);
  const part = (t: string) => parts.find((p) => p.type === t)!.value;
  return `${part('year')}${part('month')}${part('day')}`;
}

// Optional details that would not pass the schema are left out, never allowed to sink the letter.
const optionalEmail = (v: string | null | undefined) => (v && CWC_EMAIL.test(v.trim()) ? v.trim() : undefined);
const optionalAbout = (v: string | null | undefined) => {
  const n = v ? charCount(v.trim()) : 0;
  return n >= CWC_LIMITS.organizationAboutMin && n <= CWC_LIMITS.organizationAboutMax ? v!.trim() : undefined;
};

/**
 * One letter as a CWC 2.0 message for its senator's office. Elements are written in the order the
 * schema fixes (Delivery, Recipient, Constituent, Message), each on its own line, by xmlbuilder2,
 * which escapes all text; a character XML 1.0 cannot carry becomes U+FFFD rather than a broken
 * document. The whole letter goes as <ConstituentMessage>: it is what the constituent signed and
 * saw in their receipt (EFF's library uses OrganizationStatement for a campaign's own statement).
 * Throws CwcMessageError listing every problem when the letter lacks what CWC requires. Whether an
 * office gets CWC at all (staff's per-office switch, `cwcEnabled`) is the router's decision, not this.
 */
export function buildCwcMessage(input: CwcLetterInput): CwcMessage {
  const { letter, constituent: c, campaign, delivery } = input;
  const office = cwcOfficeOf(input.senator);
  const org = campaign.organisation;
  const fields = {
    deliveryId: cwcDeliveryId(letter.id, input.generation ?? 0),
    deliveryDate: deliveryDate(input.now ?? new Date()),
    agent: {
      name: delivery.deliveryAgent,
      ackEmail: delivery.deliveryAgentAckEmail,
      contactName: delivery.contactName,
      contactEmail: delivery.contactEmail,
      contactPhone: delivery.contactPhone,
    },
    organization:
      org && charCount(org.name.trim()) >= CWC_LIMITS.organizationMin
        ? { name: org.name.trim(), contactEmail: optionalEmail(org.contactEmail), about: optionalAbout(org.about) }
        : undefined,
    campaignId: cwcCampaignId(campaign.id),
    officeCode: office.code ?? undefined,
    constituent: { ...c, prefix: c.prefix ?? null },
    message: { subject: letter.subject, topic: campaign.topic, proOrCon: campaign.proOrCon, text: letter.body },
  };
  const parsed = CwcMessageFields.safeParse(fields);
  if (!parsed.success) throw new CwcMessageError(parsed.error.issues.map((i) => i.message));
  const m = parsed.data;

  const doc = create({ version: '1.0', encoding: 'UTF-8', invalidCharReplacement: '\uFFFD' });
  const root = doc.ele('CWC');
  root.ele('CWCVersion').txt(CWC_VERSION);
  writeDelivery(root.ele('Delivery'), m);

  const recipient = root.ele('Recipient');
  recipient.ele('MemberOffice').txt(m.officeCode);

  const who = root.ele('Constituent');
  const mc = m.constituent;
  who.ele('Prefix').txt(mc.prefix!);
  who.ele('FirstName').txt(mc.firstName);
  who.ele('LastName').txt(mc.lastName);
  who.ele('Address1').txt(mc.street);
  who.ele('City').txt(mc.city);
  who.ele('StateAbbreviation').txt(mc.state);
  who.ele('Zip').txt(mc.zip);
  who.ele('Email').txt(mc.email);
  // Y only when they proved the address by clicking our confirmation link; no claim otherwise.
  if (mc.emailVerified) who.ele('EmailValidation').txt('Y');

  const msg = root.ele('Message');
  msg.ele('Subject').txt(m.message.subject);
  msg.ele('LibraryOfCongressTopics').ele('LibraryOfCongressTopic').txt(m.message.topic);
  if (m.message.proOrCon) msg.ele('ProOrCon').txt(m.message.proOrCon === 'pro' ? 'Pro' : 'Con');
  msg.ele('ConstituentMessage').txt(m.message.text);

  return { xml: doc.end({ prettyPrint: true }), deliveryId: m.deliveryId, officeCode: m.officeCode };
}

function writeDelivery(d: XMLBuilder, m: CwcMessageFields) {
  d.ele('DeliveryId').txt(m.deliveryId);
  d.ele('DeliveryDate').txt(m.deliveryDate);
  d.ele('DeliveryAgent').txt(m.agent.name);
  d.ele('DeliveryAgentAckEmailAddress').txt(m.agent.ackEmail);
  const contact = d.ele('DeliveryAgentContact');
  contact.ele('DeliveryAgentContactName').txt(m.agent.contactName);
  contact.ele('DeliveryAgentContactEmail').txt(m.agent.contactEmail);
  contact.ele('DeliveryAgentContactPhone').txt(m.agent.contactPhone);
  if (m.organization) {
    d.ele('Organization').txt(m.organization.name);
    if (m.organization.contactEmail) d.ele('OrganizationContact').ele('OrganizationContactEmail').txt(m.organization.contactEmail);
    if (m.organization.about) d.ele('OrganizationAbout').txt(m.organization.about);
  }
  d.ele('CampaignId').txt(m.campaignId);
}
